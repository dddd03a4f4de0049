using DraftingRoom.Core.Anchors;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Proposals;

/// <summary>
/// The text of a proposal as readers see it: the live co-edited text while it is a draft, the text as submitted
/// afterwards.
/// </summary>
public sealed class ProposalTexts(IDbContextFactory<DraftingRoomDbContext> dbFactory, DocumentRegistry registry, DocumentStore store)
{
    public async Task<ProposalText> GetAsync(Guid proposalId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.Proposals.AsNoTracking().Where(p => p.Id == proposalId)
            .Select(p => new { p.DocumentId, p.SubmittedText, p.SubmittedRevision })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException("This proposal does not exist.");
        if (proposal is { SubmittedText: { } submitted, SubmittedRevision: { } revision })
            return new ProposalText(this, proposal.DocumentId, submitted, revision);
        var (text, current) = await registry.GetStateAsync(proposal.DocumentId, ct);
        return new ProposalText(this, proposal.DocumentId, text, current);
    }

    internal Task<string?> TextAtAsync(Guid documentId, long revision, CancellationToken ct) =>
        store.TextAtAsync(documentId, revision, ct);

    internal Task<IReadOnlyList<CommittedOperation>> OperationsSinceAsync(Guid documentId, long from, CancellationToken ct) =>
        registry.GetOperationsSinceAsync(documentId, from, ct);

    /// <summary>Moves an anchor made at revision <paramref name="from"/> through the operations up to <paramref name="to"/>.</summary>
    internal static AnchorUpdate Follow(TextAnchor anchor, IEnumerable<CommittedOperation> operations, long from, long to)
    {
        var update = new AnchorUpdate(AnchorStatus.Kept, anchor);
        foreach (var operation in operations)
        {
            if (operation.Revision <= from) continue;
            if (operation.Revision > to) break;
            var moved = AnchorTracker.Through(update.Anchor!, operation.Operation);
            if (moved.Anchor is null) return AnchorUpdate.Lost;
            update = new AnchorUpdate(moved.Anchor.Quote == anchor.Quote ? AnchorStatus.Kept : AnchorStatus.Changed, moved.Anchor);
        }
        return update;
    }
}

/// <summary>A proposal's text at a revision of its document.</summary>
public sealed class ProposalText(ProposalTexts texts, Guid documentId, string text, long revision)
{
    public string Text { get; } = text;
    public long Revision { get; } = revision;

    // The operations after _historyFrom, read once and shared by every anchor followed on this text.
    private IReadOnlyList<CommittedOperation>? _history;
    private long _historyFrom;

    /// <summary>An anchor on this text for a span selected at <paramref name="selectedAt"/> (this revision when null).</summary>
    public async Task<TextAnchor> AnchorAsync(int? start, int? end, long? selectedAt, CancellationToken ct = default)
    {
        var at = selectedAt ?? Revision;
        if (at == Revision) return CommentService.CreateAnchor(Text, start, end);
        if (at > Revision || at < 0)
            throw new InvalidInputException($"Revision {at} of this proposal's text does not exist: it is at revision {Revision}.");
        var earlier = await texts.TextAtAsync(documentId, at, ct)
            ?? throw new InvalidInputException($"Revision {at} of this proposal's text does not exist.");
        var update = await FollowAsync(CommentService.CreateAnchor(earlier, start, end), at, ct);
        return update.Anchor ?? throw new ConflictException("The words you selected were deleted meanwhile. Nothing was saved: select them again.");
    }

    /// <summary>Where an anchor made at <paramref name="from"/> is in this text.</summary>
    public async Task<AnchorUpdate> FollowAsync(TextAnchor anchor, long from, CancellationToken ct = default)
    {
        if (from > Revision) return AnchorUpdate.Lost;
        if (from == Revision) return new AnchorUpdate(AnchorStatus.Kept, anchor);
        if (_history is null || from < _historyFrom)
        {
            _history = await texts.OperationsSinceAsync(documentId, from, ct);
            _historyFrom = from;
        }
        return ProposalTexts.Follow(anchor, _history, from, Revision);
    }
}
