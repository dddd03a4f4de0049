namespace DraftingRoom.Core.Export;

/// <summary>
/// The kinds of stakeholder that comment on a declaration, in the order United Nations compilations list them.
/// </summary>
public static class StakeholderKinds
{
    /// <summary>States members of the United Nations.</summary>
    public const string MemberStates = "Member States";

    /// <summary>Non-member observer States.</summary>
    public const string ObserverStates = "Observer States";

    /// <summary>United Nations entities and intergovernmental organizations.</summary>
    public const string UnEntitiesAndIgos = "United Nations entities and intergovernmental organizations";

    /// <summary>National human rights institutions.</summary>
    public const string Nhris = "National human rights institutions";

    /// <summary>Civil society organizations.</summary>
    public const string CivilSociety = "Civil society organizations";

    /// <summary>Academics and experts.</summary>
    public const string AcademicsAndExperts = "Academics and experts";

    /// <summary>The Secretariat (the Office of the High Commissioner).</summary>
    public const string Secretariat = "Secretariat";

    /// <summary>The kinds, in the order compilations list them.</summary>
    public static IReadOnlyList<string> InOrder { get; } =
        [MemberStates, ObserverStates, UnEntitiesAndIgos, Nhris, CivilSociety, AcademicsAndExperts, Secretariat];

    // Names and codes each kind is known by, reduced to lower-case letters.
    private static readonly Dictionary<string, int> Aliases = new(StringComparer.Ordinal)
    {
        ["memberstate"] = 0, ["memberstates"] = 0, ["state"] = 0, ["states"] = 0,
        ["observerstate"] = 1, ["observerstates"] = 1, ["observer"] = 1, ["observers"] = 1,
        ["unentityorintergovernmentalorganisation"] = 2, ["unentityorintergovernmentalorganization"] = 2,
        ["unitednationsentitiesandintergovernmentalorganizations"] = 2, ["unitednationsentitiesandintergovernmentalorganisations"] = 2,
        ["unentitiesandigos"] = 2, ["unentity"] = 2, ["unentities"] = 2, ["igo"] = 2, ["igos"] = 2,
        ["intergovernmentalorganisation"] = 2, ["intergovernmentalorganization"] = 2,
        ["nationalhumanrightsinstitution"] = 3, ["nationalhumanrightsinstitutions"] = 3, ["nhri"] = 3, ["nhris"] = 3,
        ["civilsociety"] = 4, ["civilsocietyorganisation"] = 4, ["civilsocietyorganization"] = 4,
        ["civilsocietyorganisations"] = 4, ["civilsocietyorganizations"] = 4, ["ngo"] = 4, ["ngos"] = 4,
        ["academicorexpert"] = 5, ["academicsandexperts"] = 5, ["academicsexperts"] = 5, ["academic"] = 5,
        ["academics"] = 5, ["expert"] = 5, ["experts"] = 5,
        ["secretariat"] = 6, ["ohchr"] = 6,
    };

    /// <summary>
    /// The rank of a kind in <see cref="InOrder"/>, recognising names and codes case-insensitively ("Member States",
    /// "MemberState", "NHRI", "civil society"); <see cref="InOrder"/>'s count for kinds it does not know.
    /// </summary>
    /// <param name="kind">The kind as given.</param>
    /// <returns>0 to 6, or 7 for others.</returns>
    public static int Rank(string? kind) =>
        Aliases.TryGetValue(Key(kind), out var rank) ? rank : InOrder.Count;

    /// <summary>The heading a kind is listed under: its name in <see cref="InOrder"/>, or the kind as given.</summary>
    /// <param name="kind">The kind as given.</param>
    /// <returns>The display name.</returns>
    public static string DisplayName(string? kind) =>
        Rank(kind) is var rank && rank < InOrder.Count ? InOrder[rank] : string.IsNullOrWhiteSpace(kind) ? "Other" : kind.Trim();

    private static string Key(string? kind) =>
        string.Concat((kind ?? "").Where(char.IsLetter)).ToLowerInvariant();
}
