using System.Security.Claims;
using DraftingRoom.Core.Anchors;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Notifications;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Comments;

/// <summary>
/// Carries the anchors of comments on an article's official text over to its next revision, in the transaction that
/// makes the revision: words still there are followed through the word-level diff; words that are gone leave the
/// comment referring to the revision it was made on. The authors of the article's open comments hear of the new text.
/// </summary>
internal static class OfficialTextAnchors
{
    /// <returns>The users notified, to announce once the transaction is saved.</returns>
    public static async Task<IReadOnlyList<string>> RemapAsync(DraftingRoomDbContext db, Guid articleId, string oldText,
        int oldRevision, string newText, int newRevision, string heading, ClaimsPrincipal actor, TimeProvider clock,
        CancellationToken ct)
    {
        var authors = await db.Comments.AsNoTracking()
            .Where(c => c.ArticleId == articleId && c.ProposalId == null && c.ThreadId == null &&
                        c.Status == CommentStatus.Open && c.HiddenAt == null)
            .Select(c => c.AuthorId).Distinct().ToListAsync(ct);
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
        return db.Notify(authors, actor, NotificationKind.CommentedArticleRevised, heading, $"declarations/{await DeclarationOfAsync(db, articleId, ct)}#article-{articleId}", clock);
    }

    private static Task<Guid> DeclarationOfAsync(DraftingRoomDbContext db, Guid articleId, CancellationToken ct) =>
        db.Articles.Where(a => a.Id == articleId).Select(a => a.DeclarationId).FirstAsync(ct);
}
