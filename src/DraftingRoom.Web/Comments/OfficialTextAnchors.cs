using DraftingRoom.Core.Anchors;
using DraftingRoom.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Comments;

/// <summary>
/// Carries the anchors of comments on an article's official text over to its next revision, in the transaction that
/// makes the revision: words still there are followed through the word-level diff; words that are gone leave the
/// comment referring to the revision it was made on.
/// </summary>
internal static class OfficialTextAnchors
{
    public static async Task RemapAsync(DraftingRoomDbContext db, Guid articleId, string oldText, int oldRevision,
        string newText, int newRevision, CancellationToken ct)
    {
        var comments = await db.Comments
            .Where(c => c.ArticleId == articleId && c.ProposalId == null && c.AnchorStart != null && !c.AnchorOutdated)
            .ToListAsync(ct);
        foreach (var comment in comments)
        {
            AnchorUpdate update;
            try
            {
                update = comment.AnchorRevision == oldRevision
                    ? AnchorRemapper.Remap(new TextAnchor(comment.AnchorStart!.Value, comment.AnchorEnd!.Value, comment.AnchorQuote!), oldText, newText)
                    : AnchorUpdate.Lost;
            }
            catch (AnchorException)
            {
                update = AnchorUpdate.Lost;
            }

            if (update.Anchor is { } moved)
            {
                comment.AnchorStart = moved.Start;
                comment.AnchorEnd = moved.End;
                comment.AnchorQuote = moved.Quote;
                comment.AnchorRevision = newRevision;
            }
            else
            {
                // Never attached to other words: the comment keeps the revision and span it quotes.
                comment.AnchorOutdated = true;
            }
        }
    }
}
