using System.Security.Claims;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Export;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Proposals;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Versions;

/// <summary>
/// The compilation of contributions on a declaration, or on one consultation round of it: every comment, reply and
/// proposal the reader may see, per article and stakeholder kind, with organisation, date and status. Comments hidden
/// by the moderators are left out: a compilation is published.
/// </summary>
public sealed class CompilationService(
    IDbContextFactory<DraftingRoomDbContext> dbFactory,
    ProposalService proposals,
    ProposalTexts proposalTexts)
{
    public async Task<CompilationDocument> CompileAsync(ClaimsPrincipal actor, Guid declarationId, Guid? roundId = null,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read the compilation");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var declaration = await db.Declarations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == declarationId, ct)
            ?? throw new NotFoundException("This declaration does not exist.");
        string? roundLabel = null;
        if (roundId is not null)
        {
            roundLabel = await db.ConsultationRounds.AsNoTracking()
                .Where(r => r.Id == roundId && r.DeclarationId == declarationId).Select(r => r.Title).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("This consultation round does not exist on this declaration.");
        }
        var articles = await db.Articles.AsNoTracking().Where(a => a.DeclarationId == declarationId)
            .OrderBy(a => a.Kind).ThenBy(a => a.Position).ToListAsync(ct);
        string Label(int index) => articles[index].Kind == ProvisionKind.Article
            ? $"Article {articles[index].Number}"
            : $"Preambular paragraph {index + 1}";

        var entries = new List<CompilationEntry>();
        var visible = await proposals.ListForDeclarationAsync(actor, declarationId, ct);
        var ids = visible.Values.SelectMany(v => v).Select(p => p.Id).ToList();
        var proposalRows = await db.Proposals.AsNoTracking()
            .Include(p => p.CreatedBy).ThenInclude(u => u!.Organisation)
            .Where(p => ids.Contains(p.Id) && (roundId == null || p.RoundId == roundId)).ToListAsync(ct);
        foreach (var proposal in proposalRows)
        {
            var index = articles.FindIndex(a => a.Id == proposal.ArticleId);
            var text = (await proposalTexts.GetAsync(proposal.Id, ct)).Text;
            var rationale = proposal.Rationale is null ? "" : $"\n\nRationale: {proposal.Rationale}";
            var decision = proposal.DecisionNote is null ? "" : $"\n\nDecision: {proposal.DecisionNote}";
            entries.Add(new CompilationEntry(Label(index), index, "Proposal", KindOf(proposal.CreatedBy?.Organisation),
                proposal.CreatedBy?.Organisation?.Name ?? "", proposal.CreatedBy?.DisplayName ?? "",
                proposal.SubmittedAt ?? proposal.CreatedAt, StatusOf(proposal.Status),
                $"{proposal.Title}\n\n{text}{rationale}{decision}"));
        }

        var comments = await db.Comments.AsNoTracking()
            .Include(c => c.Author).Include(c => c.Organisation).Include(c => c.Proposal)
            .Where(c => c.DeclarationId == declarationId && c.HiddenAt == null && (roundId == null || c.RoundId == roundId))
            .Where(c => c.ProposalId == null || ids.Contains(c.ProposalId.Value))
            .OrderBy(c => c.CreatedAt).ToListAsync(ct);
        foreach (var comment in comments)
        {
            var index = articles.FindIndex(a => a.Id == comment.ArticleId);
            var on = comment.Proposal is { } proposal ? $"On the proposal “{proposal.Title}”" : null;
            var quote = comment.OriginalQuote is { } quoted ? $"On the words “{quoted}”" : null;
            var context = string.Join(", ", new[] { on, quote }.OfType<string>());
            entries.Add(new CompilationEntry(Label(index), index, comment.ThreadId is null ? "Comment" : "Reply",
                KindOf(comment.Organisation), comment.Organisation?.Name ?? "", comment.Author?.DisplayName ?? "",
                comment.CreatedAt, comment.Status.ToString(),
                context.Length == 0 ? comment.Body : $"{context}:\n\n{comment.Body}"));
        }

        var title = roundLabel is null
            ? $"Compilation of contributions: {declaration.Title}"
            : $"Compilation of contributions received in {roundLabel}: {declaration.Title}";
        return new CompilationDocument(title, roundLabel, entries.OrderBy(e => e.ArticleOrder).ThenBy(e => e.Date).ToList());
    }

    private static string KindOf(Organisation? organisation) =>
        organisation is null ? StakeholderKinds.Secretariat : StakeholderKinds.DisplayName(organisation.Kind.ToString());

    private static string StatusOf(ProposalStatus status) => status switch
    {
        ProposalStatus.AcceptedWithChanges => "Accepted with changes",
        _ => status.ToString(),
    };
}
