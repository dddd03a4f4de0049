namespace DraftingRoom.Web.Accounts;

/// <summary>The roles of DraftingRoom, as stored by ASP.NET Core Identity.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string IndependentExpert = "IndependentExpert";
    public const string Secretariat = "Secretariat";
    public const string Participant = "Participant";
    public const string Observer = "Observer";

    public static readonly IReadOnlyList<string> All = [Admin, IndependentExpert, Secretariat, Participant, Observer];
}
