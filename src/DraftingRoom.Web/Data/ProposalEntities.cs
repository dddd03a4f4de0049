namespace DraftingRoom.Web.Data;

public enum ProposalStatus
{
    Draft = 0,
    Submitted = 1,
    Withdrawn = 2,
    Accepted = 3,
    AcceptedWithChanges = 4,
    Rejected = 5,
}

/// <summary>
/// A draft revision of one article: a branch of its official text, co-edited live by its sponsors in a
/// <see cref="TextDocument"/>. Acceptance (a later step) merges it into the article's next official revision.
/// </summary>
public sealed class Proposal
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ArticleId { get; set; }
    public Article? Article { get; set; }
    public required string Title { get; set; }
    /// <summary>The article revision the draft started from: the base of a later three-way merge.</summary>
    public int BaseRevision { get; set; }
    public ProposalStatus Status { get; set; }
    public Guid DocumentId { get; set; }
    public TextDocument? Document { get; set; }
    public string? CreatedById { get; set; }
    public ApplicationUser? CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ProposalSponsor> Sponsors { get; set; } = [];
    public List<ProposalEndorsement> Endorsements { get; set; } = [];

    /// <summary>Why the sponsors propose this wording, given when they submit it.</summary>
    public string? Rationale { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }
    /// <summary>The text as submitted: what is endorsed and decided on, whatever reaches the live document later.</summary>
    public string? SubmittedText { get; set; }
    public long? SubmittedRevision { get; set; }
    public Guid? RoundId { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? DecisionNote { get; set; }
    /// <summary>The article revision an acceptance made.</summary>
    public int? ResultingRevision { get; set; }
    public uint RowVersion { get; set; }
}

/// <summary>A user who may edit a proposal: its author and the co-sponsors they invited.</summary>
public sealed class ProposalSponsor
{
    public Guid ProposalId { get; set; }
    public Proposal? Proposal { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public string? InvitedById { get; set; }
    public DateTimeOffset InvitedAt { get; set; }
}

/// <summary>
/// A co-edited plain text. Its history is the operation log: revision n is the text after the n-th operation.
/// Snapshots let a server load the text without replaying the whole log.
/// </summary>
public sealed class TextDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One committed operation. The key (document, revision) is what keeps two servers from forking a document.</summary>
public sealed class DocumentOperation
{
    public Guid DocumentId { get; set; }
    public long Revision { get; set; }
    public required string ClientId { get; set; }
    public long Sequence { get; set; }
    /// <summary>The operation in its JSON wire form (retain, insert, delete), as committed.</summary>
    public required string Operation { get; set; }
    public string? UserId { get; set; }
    public DateTimeOffset CommittedAt { get; set; }
}

public sealed class DocumentSnapshot
{
    public Guid DocumentId { get; set; }
    public long Revision { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
