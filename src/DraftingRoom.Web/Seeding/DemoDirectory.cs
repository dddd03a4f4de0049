using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Data;

namespace DraftingRoom.Web.Seeding;

/// <summary>The demo organisations and accounts. The States are fictional, so no real delegation is spoken for.</summary>
public static class DemoDirectory
{
    public sealed record DemoOrganisation(string Name, StakeholderKind Kind, RegionalGroup? RegionalGroup = null);

    public sealed record DemoUser(string Email, string DisplayName, string? Organisation, string Role);

    public static readonly IReadOnlyList<DemoOrganisation> Organisations =
    [
        new("Office of the High Commissioner for Human Rights (Secretariat)", StakeholderKind.Secretariat),
        new("Mandate of the Independent Expert on human rights and international solidarity", StakeholderKind.UnEntityOrIntergovernmentalOrganisation),
        new("Republic of Amaria", StakeholderKind.MemberState, RegionalGroup.AfricanStates),
        new("Republic of Serrania", StakeholderKind.MemberState, RegionalGroup.LatinAmericanAndCaribbeanStates),
        new("Kingdom of Nordvall", StakeholderKind.MemberState, RegionalGroup.WesternEuropeanAndOtherStates),
        new("Global Solidarity Network", StakeholderKind.CivilSocietyOrganisation),
        new("Coalition for Rights and Development", StakeholderKind.CivilSocietyOrganisation),
        new("National Human Rights Commission of Amaria", StakeholderKind.NationalHumanRightsInstitution),
        new("Institute of International Law Studies", StakeholderKind.AcademicOrExpert),
    ];

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("admin@draftingroom.example", "Alex Morel (operations)", null, Roles.Admin),
        new("expert@draftingroom.example", "Dr. Amara Okafor, Independent Expert", Organisations[1].Name, Roles.IndependentExpert),
        new("secretariat@draftingroom.example", "Jonas Weber, Human Rights Officer", Organisations[0].Name, Roles.Secretariat),
        new("amaria@draftingroom.example", "Kofi Mensah, delegate of Amaria", Organisations[2].Name, Roles.Participant),
        new("amaria.adviser@draftingroom.example", "Ama Owusu, adviser to the delegation of Amaria", Organisations[2].Name, Roles.Participant),
        new("serrania@draftingroom.example", "Lucía Fernández, delegate of Serrania", Organisations[3].Name, Roles.Participant),
        new("nordvall@draftingroom.example", "Ingrid Lund, delegate of Nordvall", Organisations[4].Name, Roles.Participant),
        new("gsn@draftingroom.example", "Priya Raman, Global Solidarity Network", Organisations[5].Name, Roles.Participant),
        new("crd@draftingroom.example", "Samuel Adeyemi, Coalition for Rights and Development", Organisations[6].Name, Roles.Participant),
        new("nhrc@draftingroom.example", "Fatou Diallo, National Human Rights Commission of Amaria", Organisations[7].Name, Roles.Participant),
        new("observer@draftingroom.example", "Elena Petrova, Institute of International Law Studies", Organisations[8].Name, Roles.Observer),
    ];
}
