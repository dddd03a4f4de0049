using System.Security.Claims;
using DraftingRoom.Core.Merging;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Auditing;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Live;
using DraftingRoom.Web.Notifications;
using DraftingRoom.Web.Proposals;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Decisions;

/// <summary>
/// The Independent Expert's decisions on submitted proposals. Accepting makes the article's next official revision,
/// attributed to the proposal, its sponsors and the decision note. When the official text changed since the
/// proposal's base, the proposal is merged into it word by word; conflicts are settled by her before anything is
/// saved. Two decisions on one article at once both land: the second is merged over the first, or refused with
/// nothing saved when they conflict.
/// </summary>
public sealed class DecisionService(
    IDbContextFactory<DraftingRoomDbContext> dbFactory,
    DeclarationService declarations,
    LiveNotifier notifier,
    TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public async Task<DecisionPreview> PreviewAsync(ClaimsPrincipal actor, Guid proposalId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanDecide(), "decide on proposals");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.Proposals.AsNoTracking().Include(p => p.Article).FirstOrDefaultAsync(p => p.Id == proposalId, ct)
            ?? throw new NotFoundException("This proposal does not exist.");
        DemandSubmitted(proposal);
        var baseText = await RevisionTextAsync(db, proposal.ArticleId, proposal.BaseRevision, ct);
        var article = proposal.Article!;
        return new DecisionPreview(proposal.Id, baseText, proposal.BaseRevision, article.Text, article.CurrentRevision,
            proposal.SubmittedText!, ThreeWayMerge.Merge(baseText, article.Text, proposal.SubmittedText!));
    }

    /// <returns>The article revision the decision made, or null for a rejection.</returns>
    public async Task<int?> DecideAsync(ClaimsPrincipal actor, Guid proposalId, DecisionRequest request, CancellationToken ct = default)
    {
        actor.Demand(actor.CanDecide(), "decide on proposals");
        var note = request.Note?.Trim();
        if (string.IsNullOrEmpty(note)) note = null;
        if (note is { Length: > 10_000 }) throw new InvalidInputException("The decision note is too long: at most 10,000 characters.");
        if (request.Kind == DecisionKind.Reject && note is null)
            throw new InvalidInputException("Give the reasons for rejecting the proposal: they are shown to everyone.");
        if (request.Kind == DecisionKind.AcceptWithChanges && string.IsNullOrWhiteSpace(request.Text))
            throw new InvalidInputException("Write the text as you accept it.");
        var chosen = request.Text is null || request.Kind == DecisionKind.Reject ? null : declarations.ValidateText(request.Text);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryDecideAsync(actor, proposalId, request, note, chosen, ct);
            }
            catch (DbUpdateException exception) when (IsRace(exception) && attempt < MaxAttempts)
            {
                // Another decision (or edit) changed the article or this proposal between our read and our write:
                // read again; the checks below then merge over it, or refuse if the proposal is decided already.
            }
            catch (DbUpdateException exception) when (IsRace(exception))
            {
                throw new ConflictException("The article kept changing while the decision was being saved. Nothing was saved: try again.");
            }
        }
    }

    // The race shows as the article's row version, or as the revision number another decision took first (the
    // unique index on ArticleRevisions), whichever of the two statements PostgreSQL runs into first.
    private static bool IsRace(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || exception.InnerException is Npgsql.PostgresException { SqlState: "23505" };

    private async Task<int?> TryDecideAsync(ClaimsPrincipal actor, Guid proposalId, DecisionRequest request, string? note,
        string? chosen, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.Proposals.Include(p => p.Article)
            .Include(p => p.Sponsors).ThenInclude(s => s.User).ThenInclude(u => u!.Organisation)
            .FirstOrDefaultAsync(p => p.Id == proposalId, ct)
            ?? throw new NotFoundException("This proposal does not exist.");
        DemandSubmitted(proposal);
        var article = proposal.Article!;
        if (article.DeletedAt is not null) throw new InvalidInputException("The article was deleted: the proposal can only be rejected.");
        var now = clock.GetUtcNow();
        proposal.DecidedAt = now;
        proposal.DecidedById = actor.UserId();
        proposal.DecisionNote = note;
        var heading = DeclarationService.Describe(article);

        if (request.Kind == DecisionKind.Reject)
        {
            proposal.Status = ProposalStatus.Rejected;
            db.Record(actor, "proposal.rejected", nameof(Proposal), proposal.Id, $"{proposal.Title} ({heading}): {note}", clock);
            return await SaveAndAnnounceAsync(db, actor, proposal, NotificationKind.ProposalRejected, null, ct);
        }

        var text = await TextToAdoptAsync(db, proposal, article, request, chosen, ct);
        if (text == article.Text)
            throw new InvalidInputException("The accepted text is the same as the official text: nothing would change. Reject the proposal, or accept it with changes.");
        var next = article.CurrentRevision + 1;
        var readers = await OfficialTextAnchors.RemapAsync(db, article.Id, article.Text, article.CurrentRevision, text, next,
            heading, actor, clock, ct);
        var sponsors = string.Join(", ", proposal.Sponsors.OrderBy(s => s.InvitedAt)
            .Select(s => s.User?.Organisation?.Name ?? s.User?.DisplayName).Where(n => n is not null).Distinct());
        proposal.Status = request.Kind == DecisionKind.Accept ? ProposalStatus.Accepted : ProposalStatus.AcceptedWithChanges;
        var accepted = request.Kind == DecisionKind.Accept ? "Accepted" : "Accepted with changes";
        proposal.ResultingRevision = next;
        article.Text = text;
        article.CurrentRevision = next;
        db.ArticleRevisions.Add(new ArticleRevision
        {
            ArticleId = article.Id, Number = next, Text = text, Title = article.Title, AuthorId = actor.UserId(), CreatedAt = now,
            Reason = $"{accepted}: proposal \"{proposal.Title}\" by {sponsors}", ProposalId = proposal.Id, DecisionNote = note,
        });
        db.Record(actor, proposal.Status == ProposalStatus.Accepted ? "proposal.accepted" : "proposal.accepted-with-changes",
            nameof(Proposal), proposal.Id, $"{proposal.Title} ({heading}): revision {next}", clock);
        return await SaveAndAnnounceAsync(db, actor, proposal,
            proposal.Status == ProposalStatus.Accepted ? NotificationKind.ProposalAccepted : NotificationKind.ProposalAcceptedWithChanges,
            next, ct, readers);
    }

    /// <summary>
    /// The text to adopt, against the official text as it is now. When it moved on since what she reviewed, her text
    /// is merged over the newer one; a conflict refuses the decision, with nothing saved.
    /// </summary>
    private static async Task<string> TextToAdoptAsync(DraftingRoomDbContext db, Proposal proposal, Article article,
        DecisionRequest request, string? chosen, CancellationToken ct)
    {
        var seen = request.OfficialRevisionSeen;
        if (seen > article.CurrentRevision || seen < 1)
            throw new InvalidInputException($"Revision {seen} of {DeclarationService.Describe(article)} does not exist.");
        var seenText = seen == article.CurrentRevision ? article.Text : await RevisionTextAsync(db, article.Id, seen, ct);
        string reviewed;
        if (chosen is not null)
        {
            reviewed = chosen;
        }
        else
        {
            var baseText = await RevisionTextAsync(db, article.Id, proposal.BaseRevision, ct);
            var merge = ThreeWayMerge.Merge(baseText, seenText, proposal.SubmittedText!);
            if (merge.HasConflicts)
                throw new InvalidInputException($"The proposal conflicts with the official text in {merge.Conflicts.Count} place(s): settle each conflict, then accept the resulting text.");
            reviewed = merge.Text;
        }
        if (seen == article.CurrentRevision) return reviewed;

        var meanwhile = ThreeWayMerge.Merge(seenText, article.Text, reviewed);
        if (meanwhile.HasConflicts)
            throw new ConflictException($"{DeclarationService.Describe(article)} received a new official revision ({article.CurrentRevision}) while you were deciding, and it changes the same words. Nothing was saved: review the merge again.");
        return meanwhile.Text;
    }

    private async Task<int?> SaveAndAnnounceAsync(DraftingRoomDbContext db, ClaimsPrincipal actor, Proposal proposal,
        NotificationKind kind, int? revision, CancellationToken ct, IReadOnlyList<string>? alsoNotified = null)
    {
        var notified = db.Notify(proposal.Sponsors.Select(s => s.UserId), actor, kind, proposal.Title, $"proposals/{proposal.Id}", clock);
        await db.SaveChangesAsync(ct);
        notifier.DeclarationChanged(proposal.Article!.DeclarationId);
        notifier.Announce(notified.Concat(alsoNotified ?? []).Distinct());
        return revision;
    }

    private static void DemandSubmitted(Proposal proposal)
    {
        if (proposal.Status == ProposalStatus.Submitted) return;
        throw new InvalidInputException(proposal.Status switch
        {
            ProposalStatus.Draft => "This proposal is still a draft: it can be decided once its sponsors submit it.",
            ProposalStatus.Withdrawn => "This proposal was withdrawn by its sponsors.",
            _ => $"This proposal was already decided: {SubmissionService.Describe(proposal.Status)}.",
        });
    }

    private static async Task<string> RevisionTextAsync(DraftingRoomDbContext db, Guid articleId, int revision, CancellationToken ct) =>
        await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId && r.Number == revision)
            .Select(r => r.Text).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException($"Revision {revision} of this article does not exist.");
}
