using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Versions;

namespace DraftingRoom.Core.Tests.Versions;

/// <summary>Builds versions of a small declaration for the tests.</summary>
internal static class Sample
{
    public static readonly string[] Preamble =
    [
        "Recalling the Charter of the United Nations and its call for international cooperation in solving problems of an economic, social, cultural or humanitarian character,",
        "Reaffirming that all human rights are universal, indivisible, interdependent and interrelated,",
        "Bearing in mind that inequalities within and among countries continue to grow and undermine the enjoyment of human rights,",
        "Deeply concerned by the impact of climate change on the most vulnerable communities,",
    ];

    public static readonly (string Title, string Text)[] Articles =
    [
        ("The right to international solidarity",
            "1. Everyone, individually and collectively, has the right to international solidarity without discrimination of any kind.\n\n2. The right to international solidarity belongs to individuals and to peoples."),
        ("Definitions",
            "For the purposes of the present declaration, international solidarity means the expression of a spirit of unity among individuals, peoples, States and international organizations, encompassing the union of interests, purposes and actions."),
        ("Duties of States",
            "States have the primary responsibility to respect, protect and fulfil the right to international solidarity, individually and through international assistance and cooperation, especially economic and technical."),
        ("Preventive solidarity",
            "States shall take concerted action to prevent threats to human rights, including pandemics, natural disasters and armed conflict, before they occur, sharing knowledge and early warning freely."),
        ("International cooperation",
            "International cooperation shall be based on equality, mutual respect, transparency and the free, prior and informed consent of the peoples concerned, and shall never impose conditions that weaken human rights."),
        ("Participation",
            "Everyone has the right to participate actively, freely and meaningfully in the design, implementation and evaluation of solidarity actions that affect them, with particular attention to women, youth and indigenous peoples."),
        ("Non-State actors",
            "Business enterprises and other non-State actors have a responsibility to respect the right to international solidarity and to refrain from activities that undermine the capacity of States to fulfil it."),
        ("Final provisions",
            "Nothing in the present declaration shall be interpreted as restricting, limiting or derogating from the rights recognized in international human rights law and in domestic law."),
    ];

    /// <summary>A version with the sample preamble and the given articles, numbered from 1, without ids.</summary>
    public static VersionDocument Version(string label, params (string Title, string Text)[] articles) =>
        Version(label, Preamble, articles.Select((a, i) => ((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), a.Title, a.Text)).ToArray());

    /// <summary>A version with the given preamble and numbered articles, without ids.</summary>
    public static VersionDocument Version(string label, IReadOnlyList<string> preamble, params (string Number, string Title, string Text)[] articles)
    {
        var provisions = new List<VersionProvision>();
        foreach (var text in preamble)
        {
            provisions.Add(new VersionProvision(null, ProvisionKind.PreambularParagraph, provisions.Count + 1, null, null, text));
        }

        foreach (var (number, title, text) in articles)
        {
            provisions.Add(new VersionProvision(null, ProvisionKind.Article, provisions.Count + 1, number, title, text));
        }

        return new VersionDocument("Draft declaration on the right to international solidarity", "A/HRC/35/35", label, new DateOnly(2017, 4, 25), provisions);
    }

    /// <summary>The same version with an id on every provision, taken from the given keys.</summary>
    public static VersionDocument WithIds(VersionDocument version, params string[] keys)
    {
        var i = 0;
        return version with
        {
            Provisions = version.Ordered.Select(p => p with { StableId = Id(keys[i++]) }).ToList(),
        };
    }

    public static Guid Id(string key) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(key)));

    public static (string Title, string Text)[] Original => Articles;
}
