using DraftingRoom.Web.Data;

namespace DraftingRoom.Web.Administration;

public sealed record OrganisationView(Guid Id, string Name, StakeholderKind Kind, RegionalGroup? RegionalGroup, int MemberCount);

public sealed record NewOrganisation(string Name, StakeholderKind Kind, RegionalGroup? RegionalGroup);

public sealed record UserView(string Id, string Email, string DisplayName, Guid? OrganisationId, string? OrganisationName,
    IReadOnlyList<string> Roles, bool IsLockedOut);

public sealed record NewUser(string Email, string DisplayName, string Password, Guid? OrganisationId, IReadOnlyList<string> Roles);
