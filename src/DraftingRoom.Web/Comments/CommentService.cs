using System.Security.Claims;
using DraftingRoom.Core.Anchors;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Auditing;
using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Consultation;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Live;
using DraftingRoom.Web.Notifications;
using DraftingRoom.Web.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DraftingRoom.Web.Comments;

/// <summary>
/// Comments on articles and proposals, their threads, and their moderation. Every method checks the caller's rights
/// and the consultation round itself; a refused call stores nothing.
/// </summary>
public sealed class CommentService(
    IDbContextFactory<DraftingRoomDbContext> dbFactory,
    RoundService rounds,
    ProposalService proposals,
    ProposalTexts proposalTexts,
    LiveNotifier notifier,
    IOptions<CommentOptions> options,
    TimeProvider clock)
{
    private readonly int _maxLength = options.Value.MaxLength;

    public async Task<Guid> PostAsync(ClaimsPrincipal actor, NewComment input, CancellationToken ct = default)
    {
        actor.Demand(actor.CanComment(), "comment");
        var body = ValidateBody(input.Body);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.ArticleId && a.DeletedAt == null, ct)
            ?? throw new NotFoundException("This article does not exist or was deleted.");
        var roundId = await rounds.DemandOpenAsync(db, actor, article.DeclarationId, "comment", ct);

        var comment = new Comment
        {
            DeclarationId = article.DeclarationId, ArticleId = article.Id, AuthorId = actor.UserId()!,
            OrganisationId = actor.OrganisationId(), Body = body, CreatedAt = clock.GetUtcNow(), RoundId = roundId,
        };
        string target;
        if (input.ProposalId is { } proposalId)
        {
            var proposal = await proposals.GetAsync(actor, proposalId, ct);
            if (proposal.ArticleId != article.Id) throw new InvalidInputException("This proposal is not on this article.");
            comment.ProposalId = proposalId;
            target = $"proposal \"{proposal.Title}\"";
            if (input.SpanStart is not null || input.SpanEnd is not null)
            {
                var text = await proposalTexts.GetAsync(proposalId, ct);
                var anchor = await text.AnchorAsync(input.SpanStart, input.SpanEnd, input.Revision, ct);
                SetAnchor(comment, anchor, text.Revision);
            }
        }
        else
        {
            target = DeclarationService.Describe(article);
            if (input.SpanStart is not null || input.SpanEnd is not null)
            {
                var (anchor, revision) = await AnchorOnOfficialTextAsync(db, article, input, ct);
                SetAnchor(comment, anchor, revision);
            }
        }

        if (await RecentDuplicateAsync(db, comment, ct) is { } duplicate) return duplicate;
        db.Comments.Add(comment);
        db.Record(actor, "comment.posted", nameof(Comment), comment.Id,
            comment.AnchorQuote is null ? $"On {target}" : $"On {target}: \"{Shorten(comment.AnchorQuote)}\"", clock);
        await db.SaveChangesAsync(ct);
        notifier.DeclarationChanged(article.DeclarationId);
        return comment.Id;
    }

    public async Task<Guid> ReplyAsync(ClaimsPrincipal actor, Guid commentId, string body, CancellationToken ct = default)
    {
        actor.Demand(actor.CanComment(), "reply to comments");
        var text = ValidateBody(body);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var replied = await FindVisibleAsync(db, actor, commentId, ct);
        var rootId = replied.ThreadId ?? replied.Id;
        var root = rootId == replied.Id ? replied : await db.Comments.AsNoTracking().FirstAsync(c => c.Id == rootId, ct);
        var roundId = await rounds.DemandOpenAsync(db, actor, root.DeclarationId, "reply to comments", ct);
        if (root.HiddenAt is not null) throw new InvalidInputException("This comment was hidden by the moderators and takes no replies.");

        var reply = new Comment
        {
            DeclarationId = root.DeclarationId, ArticleId = root.ArticleId, ProposalId = root.ProposalId, ThreadId = root.Id,
            AuthorId = actor.UserId()!, OrganisationId = actor.OrganisationId(), Body = text, CreatedAt = clock.GetUtcNow(),
            RoundId = roundId,
        };
        if (await RecentDuplicateAsync(db, reply, ct) is { } duplicate) return duplicate;
        db.Comments.Add(reply);
        db.Record(actor, "comment.replied", nameof(Comment), reply.Id, $"Reply to comment {root.Id}", clock);
        var threadAuthors = await db.Comments.AsNoTracking().Where(c => c.ThreadId == root.Id && c.HiddenAt == null)
            .Select(c => c.AuthorId).ToListAsync(ct);
        var notified = db.Notify(threadAuthors.Prepend(root.AuthorId), actor, NotificationKind.CommentReply,
            Shorten(root.Body), CommentLink(root), clock);
        await db.SaveChangesAsync(ct);
        notifier.DeclarationChanged(root.DeclarationId);
        notifier.Announce(notified);
        return reply.Id;
    }

    /// <summary>Replaces the text of the caller's own comment. The earlier text is kept in its history.</summary>
    public async Task EditAsync(ClaimsPrincipal actor, Guid commentId, string body, CancellationToken ct = default)
    {
        actor.Demand(actor.CanComment(), "edit comments");
        var text = ValidateBody(body);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await FindVisibleAsync(db, actor, commentId, ct, track: true);
        if (comment.AuthorId != actor.UserId()) throw new AccessDeniedException("Only its author may edit a comment.");
        if (comment.Status == CommentStatus.Withdrawn) throw new InvalidInputException("This comment was withdrawn and can no longer be edited.");
        if (comment.HiddenAt is not null) throw new InvalidInputException("This comment was hidden by the moderators and can no longer be edited.");
        await rounds.DemandOpenAsync(db, actor, comment.DeclarationId, "edit comments", ct);
        if (comment.Body == text) return;

        var now = clock.GetUtcNow();
        db.CommentEdits.Add(new CommentEdit { CommentId = comment.Id, Body = comment.Body, ReplacedAt = now });
        comment.Body = text;
        comment.EditedAt = now;
        db.Record(actor, "comment.edited", nameof(Comment), comment.Id, null, clock);
        await SaveAsync(db, ct);
        notifier.DeclarationChanged(comment.DeclarationId);
    }

    /// <summary>Withdraws the caller's own comment. It stays visible, marked withdrawn, with its history.</summary>
    public async Task WithdrawAsync(ClaimsPrincipal actor, Guid commentId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanComment(), "withdraw comments");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await FindVisibleAsync(db, actor, commentId, ct, track: true);
        if (comment.AuthorId != actor.UserId()) throw new AccessDeniedException("Only its author may withdraw a comment.");
        if (comment.Status == CommentStatus.Withdrawn) throw new InvalidInputException("This comment is already withdrawn.");
        comment.Status = CommentStatus.Withdrawn;
        db.Record(actor, "comment.withdrawn", nameof(Comment), comment.Id, null, clock);
        await SaveAsync(db, ct);
        notifier.DeclarationChanged(comment.DeclarationId);
    }

    /// <summary>The Secretariat marks a comment addressed, or open again.</summary>
    public async Task SetAddressedAsync(ClaimsPrincipal actor, Guid commentId, bool addressed, CancellationToken ct = default)
    {
        actor.Demand(actor.CanModerate(), "mark comments addressed");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await FindVisibleAsync(db, actor, commentId, ct, track: true);
        if (comment.Status == CommentStatus.Withdrawn) throw new InvalidInputException("This comment was withdrawn by its author.");
        var target = addressed ? CommentStatus.Addressed : CommentStatus.Open;
        if (comment.Status == target) return;
        comment.Status = target;
        comment.AddressedAt = addressed ? clock.GetUtcNow() : null;
        comment.AddressedById = addressed ? actor.UserId() : null;
        db.Record(actor, addressed ? "comment.addressed" : "comment.reopened", nameof(Comment), comment.Id, null, clock);
        var notified = addressed
            ? db.Notify([comment.AuthorId], actor, NotificationKind.CommentAddressed, Shorten(comment.Body), CommentLink(comment), clock)
            : [];
        await SaveAsync(db, ct);
        notifier.DeclarationChanged(comment.DeclarationId);
        notifier.Announce(notified);
    }

    /// <summary>
    /// Hides an abusive comment from participants. The Secretariat, the Independent Expert and the audit log keep
    /// its text and the reason.
    /// </summary>
    public async Task HideAsync(ClaimsPrincipal actor, Guid commentId, string reason, CancellationToken ct = default)
    {
        actor.Demand(actor.CanModerate(), "moderate comments");
        var why = reason?.Trim() ?? "";
        if (why.Length == 0) throw new InvalidInputException("Give the reason for hiding this comment: its author and the audit log will see it.");
        if (why.Length > 2000) throw new InvalidInputException("The reason is too long: at most 2,000 characters.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct)
            ?? throw new NotFoundException("This comment does not exist.");
        if (comment.HiddenAt is not null) throw new InvalidInputException("This comment is already hidden.");
        comment.HiddenAt = clock.GetUtcNow();
        comment.HiddenById = actor.UserId();
        comment.HiddenReason = why;
        db.Record(actor, "comment.hidden", nameof(Comment), comment.Id, $"{why} — the comment read: {comment.Body}", clock);
        var notified = db.Notify([comment.AuthorId], actor, NotificationKind.CommentHidden, why, CommentLink(comment), clock);
        await SaveAsync(db, ct);
        notifier.DeclarationChanged(comment.DeclarationId);
        notifier.Announce(notified);
    }

    public async Task UnhideAsync(ClaimsPrincipal actor, Guid commentId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanModerate(), "moderate comments");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct)
            ?? throw new NotFoundException("This comment does not exist.");
        if (comment.HiddenAt is null) return;
        comment.HiddenAt = null;
        comment.HiddenById = null;
        comment.HiddenReason = null;
        db.Record(actor, "comment.unhidden", nameof(Comment), comment.Id, null, clock);
        await SaveAsync(db, ct);
        notifier.DeclarationChanged(comment.DeclarationId);
    }

    /// <summary>The earlier texts of a comment, newest first.</summary>
    public async Task<IReadOnlyList<CommentEditView>> GetEditsAsync(ClaimsPrincipal actor, Guid commentId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read comments");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await FindVisibleAsync(db, actor, commentId, ct);
        if (comment.HiddenAt is not null && !actor.CanModerate()) return [];
        return await db.CommentEdits.AsNoTracking().Where(e => e.CommentId == commentId).OrderByDescending(e => e.Id)
            .Select(e => new CommentEditView(e.Body, e.ReplacedAt)).ToListAsync(ct);
    }

    /// <summary>The threads that match <paramref name="filter"/>, oldest first: a thread matches when any of its comments does.</summary>
    public async Task<IReadOnlyList<CommentThread>> ListAsync(ClaimsPrincipal actor, CommentFilter filter, CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read comments");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Comments.AsNoTracking().Where(c => c.DeclarationId == filter.DeclarationId);
        if (filter.ArticleId is { } articleId) query = query.Where(c => c.ArticleId == articleId);
        if (filter.ProposalId is { } proposalId) query = query.Where(c => c.ProposalId == proposalId);
        else if (filter.OfficialTextOnly) query = query.Where(c => c.ProposalId == null);
        var all = await query
            .Include(c => c.Author).Include(c => c.Organisation).Include(c => c.Article).Include(c => c.Proposal)
            .ThenInclude(p => p!.Sponsors).ThenInclude(s => s.User)
            .OrderBy(c => c.CreatedAt).AsSplitQuery().ToListAsync(ct);
        var editCounts = await db.CommentEdits.AsNoTracking()
            .Where(e => db.Comments.Any(c => c.Id == e.CommentId && c.DeclarationId == filter.DeclarationId))
            .GroupBy(e => e.CommentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var moderator = actor.CanModerate();
        var visible = all.Where(c => c.Proposal is null || proposals.CanView(actor, c.Proposal)).ToList();
        var proposalAnchors = await ProposalAnchorsAsync(visible, ct);
        var views = visible.ToDictionary(c => c.Id, c => View(actor, c, moderator, editCounts.GetValueOrDefault(c.Id),
            proposalAnchors.GetValueOrDefault(c.Id)));
        bool Matches(Comment c) =>
            (filter.Kind is null || c.Organisation?.Kind == filter.Kind) &&
            (filter.OrganisationId is null || c.OrganisationId == filter.OrganisationId) &&
            (filter.RegionalGroup is null || c.Organisation?.RegionalGroup == filter.RegionalGroup) &&
            (filter.Status is null || c.Status == filter.Status) &&
            (string.IsNullOrWhiteSpace(filter.Search) || views[c.Id].Body is { } body && Contains(body, c, filter.Search.Trim()));

        return visible.Where(c => c.ThreadId is null)
            .Select(root => (Root: root, Replies: visible.Where(c => c.ThreadId == root.Id).ToList()))
            .Where(t => Matches(t.Root) || t.Replies.Any(Matches))
            .Select(t => new CommentThread(views[t.Root.Id], t.Replies.Select(r => views[r.Id]).ToList()))
            .ToList();
    }

    /// <summary>
    /// The organisations whose members commented on a declaration, in comments the caller may see: the choices of
    /// the comments page's organisation filter.
    /// </summary>
    public async Task<IReadOnlyList<CommentingOrganisation>> ListOrganisationsAsync(ClaimsPrincipal actor, Guid declarationId,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read comments");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.DeclarationId == declarationId && c.OrganisationId != null)
            .Include(c => c.Organisation).Include(c => c.Proposal).ThenInclude(p => p!.Sponsors).ThenInclude(s => s.User)
            .AsSplitQuery().ToListAsync(ct);
        return comments.Where(c => c.Proposal is null || proposals.CanView(actor, c.Proposal))
            .Select(c => c.Organisation!).DistinctBy(o => o.Id)
            .Select(o => new CommentingOrganisation(o.Id, o.Name, o.Kind, o.RegionalGroup))
            .OrderBy(o => o.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    private static bool Contains(string body, Comment comment, string search) =>
        body.Contains(search, StringComparison.CurrentCultureIgnoreCase) ||
        comment.Author?.DisplayName.Contains(search, StringComparison.CurrentCultureIgnoreCase) == true ||
        comment.OriginalQuote?.Contains(search, StringComparison.CurrentCultureIgnoreCase) == true;

    private CommentView View(ClaimsPrincipal actor, Comment c, bool moderator, int edits, AnchorView? proposalAnchor)
    {
        var hiddenFromReader = c.HiddenAt is not null && !moderator;
        AnchorView? anchor = proposalAnchor;
        if (anchor is null && c.AnchorStart is { } start)
            anchor = new AnchorView(start, c.AnchorEnd!.Value, c.AnchorQuote!, c.AnchorRevision!.Value, c.AnchorOutdated,
                c.OriginalQuote!, c.OriginalRevision!.Value);
        var isAuthor = c.AuthorId == actor.UserId();
        return new CommentView(c.Id, c.ArticleId, DeclarationService.Describe(c.Article!), c.ProposalId, c.Proposal?.Title,
            c.ThreadId, c.AuthorId, c.Author?.DisplayName ?? "", c.Organisation?.Name, c.Organisation?.Kind,
            c.Organisation?.RegionalGroup, hiddenFromReader ? null : c.Body, c.Status, c.CreatedAt, c.EditedAt,
            hiddenFromReader ? 0 : edits, hiddenFromReader ? null : anchor, c.HiddenAt is not null,
            moderator || isAuthor ? c.HiddenReason : null,
            isAuthor && c.Status != CommentStatus.Withdrawn && c.HiddenAt is null && actor.CanComment(), moderator);
    }

    /// <summary>Anchors on proposal texts follow the text's operations up to the revision readers see.</summary>
    private async Task<Dictionary<Guid, AnchorView>> ProposalAnchorsAsync(IEnumerable<Comment> comments, CancellationToken ct)
    {
        var result = new Dictionary<Guid, AnchorView>();
        foreach (var group in comments.Where(c => c.ProposalId is not null && c.AnchorStart is not null).GroupBy(c => c.ProposalId!.Value))
        {
            var text = await proposalTexts.GetAsync(group.Key, ct);
            // Oldest anchor first: its operations are read once and serve the others too.
            foreach (var comment in group.OrderBy(c => c.AnchorRevision))
            {
                var anchor = new TextAnchor(comment.AnchorStart!.Value, comment.AnchorEnd!.Value, comment.AnchorQuote!);
                var update = await text.FollowAsync(anchor, comment.AnchorRevision!.Value, ct);
                result[comment.Id] = update.Anchor is { } moved
                    ? new AnchorView(moved.Start, moved.End, moved.Quote, text.Revision, false, comment.OriginalQuote!, comment.OriginalRevision!.Value)
                    : new AnchorView(anchor.Start, anchor.End, anchor.Quote, comment.AnchorRevision!.Value, true, comment.OriginalQuote!, comment.OriginalRevision!.Value);
            }
        }
        return result;
    }

    private static async Task<(TextAnchor Anchor, long Revision)> AnchorOnOfficialTextAsync(DraftingRoomDbContext db,
        Article article, NewComment input, CancellationToken ct)
    {
        var revision = input.Revision ?? article.CurrentRevision;
        if (revision == article.CurrentRevision) return (CreateAnchor(article.Text, input), revision);
        // The author selected words in an earlier revision (the text changed while they were reading): carry the
        // span over to the current one, or refuse rather than attach the comment to other words.
        var earlier = await db.ArticleRevisions.AsNoTracking()
            .FirstOrDefaultAsync(r => r.ArticleId == article.Id && r.Number == revision, ct)
            ?? throw new InvalidInputException($"Revision {revision} of this article does not exist.");
        var update = AnchorRemapper.Remap(CreateAnchor(earlier.Text, input), earlier.Text, article.Text);
        return update.Anchor is { } moved
            ? (moved, article.CurrentRevision)
            : throw new ConflictException("The words you selected were changed meanwhile by a new revision of the article. Nothing was saved: select them again in the current text.");
    }

    internal static TextAnchor CreateAnchor(string text, NewComment input) =>
        CreateAnchor(text, input.SpanStart, input.SpanEnd);

    internal static TextAnchor CreateAnchor(string text, int? start, int? end)
    {
        if (start is null || end is null) throw new InvalidInputException("A span needs both a start and an end.");
        try
        {
            var anchor = TextAnchor.Create(text, start.Value, end.Value);
            if (string.IsNullOrWhiteSpace(anchor.Quote)) throw new InvalidInputException("Select some words to comment on, not only spaces.");
            return anchor;
        }
        catch (AnchorException exception)
        {
            throw new InvalidInputException($"The selected span is not in the text: {exception.Message.Split(" (Parameter")[0]}");
        }
    }

    private static void SetAnchor(Comment comment, TextAnchor anchor, long revision)
    {
        comment.AnchorStart = anchor.Start;
        comment.AnchorEnd = anchor.End;
        comment.AnchorQuote = anchor.Quote;
        comment.AnchorRevision = revision;
        comment.OriginalQuote = anchor.Quote;
        comment.OriginalRevision = revision;
    }

    private string ValidateBody(string? body)
    {
        var text = (body ?? "").Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        if (text.Length == 0) throw new InvalidInputException("The comment is empty. Write something before posting.");
        if (text.Length > _maxLength)
            throw new InvalidInputException($"The comment is too long: {text.Length:N0} characters, and a comment may have at most {_maxLength:N0}.");
        if (text.Contains('\0')) throw new InvalidInputException("The comment contains a NUL character, which cannot be stored.");
        return text;
    }

    /// <summary>Finds a comment the caller may see: hidden ones only for moderators and their authors.</summary>
    private async Task<Comment> FindVisibleAsync(DraftingRoomDbContext db, ClaimsPrincipal actor, Guid commentId,
        CancellationToken ct, bool track = false)
    {
        var query = track ? db.Comments : db.Comments.AsNoTracking();
        var comment = await query.Include(c => c.Proposal).ThenInclude(p => p!.Sponsors).ThenInclude(s => s.User)
            .FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null || comment.Proposal is not null && !proposals.CanView(actor, comment.Proposal) ||
            comment.HiddenAt is not null && !actor.CanModerate() && comment.AuthorId != actor.UserId())
            throw new NotFoundException("This comment does not exist.");
        return comment;
    }

    /// <summary>
    /// The same text by the same author on the same target a moment ago: a second click or a resent request, which
    /// must not post the comment twice.
    /// </summary>
    private async Task<Guid?> RecentDuplicateAsync(DraftingRoomDbContext db, Comment comment, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddSeconds(-30);
        var duplicate = await db.Comments.AsNoTracking()
            .Where(c => c.AuthorId == comment.AuthorId && c.ArticleId == comment.ArticleId && c.ProposalId == comment.ProposalId &&
                        c.ThreadId == comment.ThreadId && c.Body == comment.Body && c.AnchorStart == comment.AnchorStart &&
                        c.AnchorEnd == comment.AnchorEnd && c.CreatedAt >= since)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return duplicate;
    }


    internal static string CommentLink(Comment comment) => comment.ProposalId is { } proposalId
        ? $"proposals/{proposalId}#comment-{comment.ThreadId ?? comment.Id}"
        : $"declarations/{comment.DeclarationId}/comments?article={comment.ArticleId}#comment-{comment.ThreadId ?? comment.Id}";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "…";

    private static async Task SaveAsync(DraftingRoomDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else changed this comment meanwhile. Nothing was saved: reload and try again.");
        }
    }
}
