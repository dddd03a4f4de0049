using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Versions;

namespace DraftingRoom.Core.Tests.Export;

/// <summary>Versions to export.</summary>
internal static class ExportSamples
{
    public static VersionDocument Declaration { get; } = Build(
        "Draft declaration on the right to international solidarity", "A/HRC/35/35", "Draft declaration (2017)", new DateOnly(2017, 4, 25),
        [
            "The Human Rights Council,",
            "Recalling the Charter of the United Nations and its call for international cooperation,",
            "Bearing in mind that inequalities within and among countries continue to grow,",
            "Deeply concerned by the impact of climate change on the most vulnerable,",
            "Recognizing also the contribution of civil society to solidarity,",
            "Has adopted the following declaration:",
        ],
        [
            ("1", "The right to international solidarity",
                "1. Everyone has the right to international solidarity.\n\n2. The right belongs to individuals and to peoples."),
            ("2", "Definitions",
                "For the purposes of the present declaration:\n(a) \"solidarity\" means a spirit of unity among peoples;\n(b) \"cooperation\" means action taken together."),
            ("3", null, "States shall respect, protect and fulfil the right to international solidarity."),
            ("3 bis", "Participation", "Everyone may take part in actions of solidarity, individually or with others."),
        ]);

    public static VersionDocument Arabic { get; } = Build(
        "مشروع إعلان بشأن الحق في التضامن الدولي", "A/HRC/35/35", "مشروع ٢٠١٧", new DateOnly(2017, 4, 25),
        ["إن مجلس حقوق الإنسان،", "إذ يشير إلى ميثاق الأمم المتحدة،"],
        [
            ("1", "الحق في التضامن الدولي", "1. لكل فرد الحق في التضامن الدولي.\n\n2. يعود هذا الحق إلى الأفراد والشعوب."),
            ("2", "واجبات الدول", "تتحمل الدول المسؤولية الأساسية عن إعمال الحق في التضامن الدولي."),
        ]);

    public static VersionDocument Chinese { get; } = Build(
        "国际团结权宣言草案", "A/HRC/35/35", "2017年草案", null,
        ["人权理事会，", "回顾《联合国宪章》，"],
        [
            ("1", "国际团结权", "人人有权享有国际团结，不受任何形式的歧视。"),
            ("2", "国家的义务", "各国负有尊重、保护和实现国际团结权的首要责任。"),
        ]);

    public static VersionDocument Build(
        string title, string? symbol, string label, DateOnly? date, IReadOnlyList<string> preamble,
        IReadOnlyList<(string? Number, string? Title, string Text)> articles)
    {
        var provisions = new List<VersionProvision>();
        foreach (var text in preamble)
        {
            provisions.Add(new VersionProvision(null, ProvisionKind.PreambularParagraph, provisions.Count + 1, null, null, text));
        }

        foreach (var (number, articleTitle, text) in articles)
        {
            provisions.Add(new VersionProvision(null, ProvisionKind.Article, provisions.Count + 1, number, articleTitle, text));
        }

        return new VersionDocument(title, symbol, label, date, provisions);
    }
}
