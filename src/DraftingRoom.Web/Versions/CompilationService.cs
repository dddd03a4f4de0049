using System.Security.Claims;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Export;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Proposals;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Versions;

/// <summary>
/// The compilation of contributions on a declaration, per article and stakeholder kind: every proposal the reader
/// may see, with its organisation, date, status and current wording. Comments join it as they are added.
/// </summary>
public sealed class CompilationService(
    IDbContextFactory<DraftingRoomDbContext> dbFactory,
    ProposalService proposals,
    DocumentRegistry documents)
{
    public async Task<CompilationDocument> CompileAsync(ClaimsPrincipal actor, Guid declarationId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read the compilation");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var declaration = await db.Declarations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == declarationId, ct)
            ?? throw new NotFoundException("This declaration does not exist.");
        var articles = await db.Articles.AsNoTracking().Where(a => a.DeclarationId == declarationId)
            .OrderBy(a => a.Kind).ThenBy(a => a.Position).ToListAsync(ct);
        var visible = await proposals.ListForDeclarationAsync(actor, declarationId, ct);
        var ids = visible.Values.SelectMany(v => v).Select(p => p.Id).ToList();
        var rows = await db.Proposals.AsNoTracking()
            .Include(p => p.CreatedBy).ThenInclude(u => u!.Organisation)
            .Where(p => ids.Contains(p.Id)).ToListAsync(ct);

        var entries = new List<CompilationEntry>();
        foreach (var proposal in rows)
        {
            var index = articles.FindIndex(a => a.Id == proposal.ArticleId);
            var article = articles[index];
            var (text, _) = await documents.GetStateAsync(proposal.DocumentId, ct);
            var organisation = proposal.CreatedBy?.Organisation;
            entries.Add(new CompilationEntry(
                article.Kind == ProvisionKind.Article ? $"Article {article.Number}" : $"Preambular paragraph {index + 1}",
                index,
                "Proposal",
                organisation is null ? StakeholderKinds.Secretariat : StakeholderKinds.DisplayName(organisation.Kind.ToString()),
                organisation?.Name ?? "",
                proposal.CreatedBy?.DisplayName ?? "",
                proposal.CreatedAt,
                proposal.Status.ToString(),
                $"{proposal.Title}\n\n{text}"));
        }
        return new CompilationDocument($"Compilation of contributions: {declaration.Title}", null,
            entries.OrderBy(e => e.ArticleOrder).ThenBy(e => e.Date).ToList());
    }
}
