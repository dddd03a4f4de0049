namespace DraftingRoom.Web.Data;

/// <summary>
/// A period during which participants may comment, propose and endorse on one declaration. It is open from
/// <see cref="OpenedAt"/> until <see cref="ClosesAt"/>, or until closed early.
/// </summary>
public sealed class ConsultationRound
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DeclarationId { get; set; }
    public Declaration? Declaration { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset ClosesAt { get; set; }
    /// <summary>Set when the round was closed before its closing date.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
    public string? OpenedById { get; set; }
    public string? ClosedById { get; set; }

    public bool IsOpenAt(DateTimeOffset now) => ClosedAt is null && OpenedAt <= now && now < ClosesAt;

    /// <summary>When the round ended or will end.</summary>
    public DateTimeOffset EndsAt => ClosedAt is { } closed && closed < ClosesAt ? closed : ClosesAt;
}

public enum CommentStatus
{
    Open = 0,
    Addressed = 1,
    Withdrawn = 2,
}

/// <summary>
/// A comment on an article (whole or a span of its official text) or on a proposal (whole or a span of its text),
/// or a reply in such a comment's thread. Comments are never deleted: withdrawn and hidden comments keep their text
/// and their history.
/// </summary>
public sealed class Comment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DeclarationId { get; set; }
    public Guid ArticleId { get; set; }
    public Article? Article { get; set; }
    /// <summary>Set when the comment is on a proposal rather than on the official text.</summary>
    public Guid? ProposalId { get; set; }
    public Proposal? Proposal { get; set; }
    /// <summary>The first comment of the thread, for a reply; null for the first comment itself.</summary>
    public Guid? ThreadId { get; set; }
    public Guid? RoundId { get; set; }
    public required string AuthorId { get; set; }
    public ApplicationUser? Author { get; set; }
    /// <summary>The author's organisation when they wrote the comment.</summary>
    public Guid? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Body { get; set; }
    public CommentStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>Where the quoted words are now, in <see cref="AnchorRevision"/>: null for a comment on the whole.</summary>
    public int? AnchorStart { get; set; }
    public int? AnchorEnd { get; set; }
    public string? AnchorQuote { get; set; }
    /// <summary>The article revision (or proposal text revision) that <see cref="AnchorStart"/> refers to.</summary>
    public long? AnchorRevision { get; set; }
    /// <summary>The revision and words the author quoted, kept unchanged.</summary>
    public long? OriginalRevision { get; set; }
    public string? OriginalQuote { get; set; }
    /// <summary>The quoted words are gone from the official text: the anchor refers to <see cref="AnchorRevision"/>.</summary>
    public bool AnchorOutdated { get; set; }

    public DateTimeOffset? AddressedAt { get; set; }
    public string? AddressedById { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }
    public string? HiddenById { get; set; }
    public string? HiddenReason { get; set; }
    public List<CommentEdit> Edits { get; set; } = [];
    public uint RowVersion { get; set; }
}

/// <summary>A text a comment had before its author edited it.</summary>
public sealed class CommentEdit
{
    public long Id { get; set; }
    public Guid CommentId { get; set; }
    public required string Body { get; set; }
    /// <summary>When the text was replaced.</summary>
    public DateTimeOffset ReplacedAt { get; set; }
}

/// <summary>An organisation's support for a submitted proposal.</summary>
public sealed class ProposalEndorsement
{
    public Guid ProposalId { get; set; }
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public DateTimeOffset EndorsedAt { get; set; }
}

public enum NotificationKind
{
    ProposalAccepted = 0,
    ProposalAcceptedWithChanges = 1,
    ProposalRejected = 2,
    ProposalEndorsed = 3,
    ProposalSubmitted = 4,
    CommentReply = 5,
    CommentAddressed = 6,
    CommentHidden = 7,
    SponsorInvited = 8,
    /// <summary>An article one commented on has a new official text.</summary>
    CommentedArticleRevised = 9,
}

/// <summary>Something a user should know about. The text is composed when shown, in the reader's language.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    /// <summary>What it is about, as shown: a proposal's title, an article's heading.</summary>
    public required string Subject { get; set; }
    /// <summary>Who caused it, when it is someone.</summary>
    public string? ActorName { get; set; }
    public required string Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
