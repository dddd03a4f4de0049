using DraftingRoom.Web.Data;

namespace DraftingRoom.Web.Proposals;

public sealed record SponsorView(string UserId, string DisplayName, string? Organisation, StakeholderKind? Kind);

public sealed record ProposalSummary(Guid Id, string Title, ProposalStatus Status, string? AuthorName,
    string? AuthorOrganisation, DateTimeOffset CreatedAt, int SponsorCount, int EndorsementCount);

public sealed record ProposalView(
    Guid Id,
    string Title,
    ProposalStatus Status,
    Guid DocumentId,
    Guid DeclarationId,
    string DeclarationTitle,
    Guid ArticleId,
    string ArticleHeading,
    string? ArticleTitle,
    string OfficialText,
    int OfficialRevision,
    int BaseRevision,
    IReadOnlyList<SponsorView> Sponsors,
    DateTimeOffset CreatedAt,
    bool CanEdit,
    bool CanInvite)
{
    public string? Rationale { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>The text as submitted; null while the proposal is a draft.</summary>
    public string? SubmittedText { get; init; }
    public IReadOnlyList<EndorsementView> Endorsements { get; init; } = [];
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecidedBy { get; init; }
    public string? DecisionNote { get; init; }
    public int? ResultingRevision { get; init; }
    public DateTimeOffset? WithdrawnAt { get; init; }
    /// <summary>The caller is one of its sponsors: they submit and withdraw it.</summary>
    public bool IsSponsor { get; init; }
    /// <summary>The caller's organisation already endorses it, or sponsors it.</summary>
    public bool IsEndorsedByMyOrganisation { get; init; }
    public bool IsSponsoredByMyOrganisation { get; init; }
}

public sealed record EndorsementView(string Organisation, StakeholderKind Kind, RegionalGroup? RegionalGroup,
    string EndorsedBy, DateTimeOffset EndorsedAt);

public sealed record InvitableUser(string UserId, string DisplayName, string? Organisation);

/// <summary>What one user may do with one proposal's text.</summary>
public sealed record DocumentAccess(Guid ProposalId, bool CanView, bool CanEdit);
