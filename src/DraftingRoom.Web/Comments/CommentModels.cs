using DraftingRoom.Web.Data;

namespace DraftingRoom.Web.Comments;

/// <summary>Limits on comments, from the "Comments" configuration section.</summary>
public sealed class CommentOptions
{
    public const string Section = "Comments";

    /// <summary>The longest comment, in characters.</summary>
    public int MaxLength { get; set; } = 10_000;
}

/// <summary>
/// A new comment on an article or on a proposal. A span is given as UTF-16 offsets into the text at
/// <paramref name="Revision"/> (the article revision, or the proposal text revision, the author was reading); without
/// a span the comment is on the whole.
/// </summary>
public sealed record NewComment(Guid ArticleId, Guid? ProposalId, string Body, int? SpanStart = null, int? SpanEnd = null,
    long? Revision = null);

/// <summary>Which comments to list. Null means any.</summary>
public sealed record CommentFilter(
    Guid DeclarationId,
    Guid? ArticleId = null,
    Guid? ProposalId = null,
    bool OfficialTextOnly = false,
    StakeholderKind? Kind = null,
    Guid? OrganisationId = null,
    RegionalGroup? RegionalGroup = null,
    CommentStatus? Status = null,
    string? Search = null);

/// <summary>
/// Where a comment's quoted words are. <see cref="Outdated"/> means they are gone from the current text: the anchor
/// then refers to <see cref="Revision"/>.
/// </summary>
public sealed record AnchorView(int Start, int End, string Quote, long Revision, bool Outdated, string OriginalQuote,
    long OriginalRevision);

public sealed record CommentView(
    Guid Id,
    Guid ArticleId,
    string ArticleHeading,
    Guid? ProposalId,
    string? ProposalTitle,
    Guid? ThreadId,
    string AuthorId,
    string AuthorName,
    string? Organisation,
    StakeholderKind? Kind,
    RegionalGroup? RegionalGroup,
    string? Body,
    CommentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt,
    int EditCount,
    AnchorView? Anchor,
    bool IsHidden,
    string? HiddenReason,
    bool CanEdit,
    bool CanModerate);

public sealed record CommentThread(CommentView Root, IReadOnlyList<CommentView> Replies);

public sealed record CommentEditView(string Body, DateTimeOffset ReplacedAt);

/// <summary>An organisation whose members commented on a declaration.</summary>
public sealed record CommentingOrganisation(Guid Id, string Name, StakeholderKind Kind, RegionalGroup? RegionalGroup);
