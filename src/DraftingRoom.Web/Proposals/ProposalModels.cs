using DraftingRoom.Web.Data;

namespace DraftingRoom.Web.Proposals;

public sealed record SponsorView(string UserId, string DisplayName, string? Organisation, StakeholderKind? Kind);

public sealed record ProposalSummary(Guid Id, string Title, ProposalStatus Status, string? AuthorName,
    string? AuthorOrganisation, DateTimeOffset CreatedAt, int SponsorCount);

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
    bool CanInvite);

public sealed record InvitableUser(string UserId, string DisplayName, string? Organisation);

/// <summary>What one user may do with one proposal's text.</summary>
public sealed record DocumentAccess(Guid ProposalId, bool CanView, bool CanEdit);
