using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Versions;
using static DraftingRoom.Core.Versions.ArticleMatchKinds;

namespace DraftingRoom.Core.Tests.Versions;

public class ArticleMatcherTests
{
    private static readonly (string Title, string Text)[] A = Sample.Articles;

    private static List<ArticleMatch> ArticleMatches(VersionDocument older, VersionDocument newer) =>
        ArticleMatcher.Match(older, newer).Where(m => m.Kind == ProvisionKind.Article).ToList();

    private static ArticleMatch ByLabel(IEnumerable<ArticleMatch> matches, string label) =>
        Assert.Single(matches, m => m.Label == label);

    [Fact]
    public void Identical_versions_match_every_provision_unchanged()
    {
        var version = Sample.Version("2017", A);

        var matches = ArticleMatcher.Match(version, version);

        Assert.Equal(Sample.Preamble.Length + A.Length, matches.Count);
        Assert.All(matches, m => Assert.Equal(Unchanged, m.Kinds));
        Assert.All(matches, m => Assert.Equal(1.0, m.Similarity));
        Assert.Equal(
            ["Preambular paragraph 1", "Preambular paragraph 2", "Preambular paragraph 3", "Preambular paragraph 4",
             "Article 1", "Article 2", "Article 3", "Article 4", "Article 5", "Article 6", "Article 7", "Article 8"],
            matches.Select(m => m.Label));
    }

    [Fact]
    public void An_inserted_article_renumbers_the_following_ones_without_moving_them()
    {
        var older = Sample.Version("2017", A);
        (string, string) inserted = ("Solidarity in times of crisis",
            "In times of crisis, States and international organizations shall mobilize all available resources to protect the most vulnerable without delay.");
        var newer = Sample.Version("2019", [.. A[..2], inserted, .. A[2..]]);

        var matches = ArticleMatches(older, newer);

        Assert.Equal(
            ["Article 1", "Article 2", "Article 3 (new)", "Article 4 (was Article 3)", "Article 5 (was Article 4)",
             "Article 6 (was Article 5)", "Article 7 (was Article 6)", "Article 8 (was Article 7)", "Article 9 (was Article 8)"],
            matches.Select(m => m.Label));
        Assert.Equal(Added, matches[2].Kinds);
        Assert.Empty(matches[2].Old);
        Assert.All(matches.Skip(3), m => Assert.Equal(Renumbered, m.Kinds));
        Assert.Equal("3", matches[3].Old.Single().Number);
        Assert.Equal("4", matches[3].New.Single().Number);
    }

    [Fact]
    public void An_article_taken_out_of_order_is_moved_and_the_others_only_renumbered()
    {
        var older = Sample.Version("2017", A);
        var newer = Sample.Version("2019", [A[0], A[5], A[1], A[2], A[3], A[4], A[6], A[7]]);

        var matches = ArticleMatches(older, newer);

        Assert.Equal(
            ["Article 1", "Article 2 (moved; was Article 6)", "Article 3 (was Article 2)", "Article 4 (was Article 3)",
             "Article 5 (was Article 4)", "Article 6 (was Article 5)", "Article 7", "Article 8"],
            matches.Select(m => m.Label));
        Assert.Equal(Moved | Renumbered, matches[1].Kinds);
        Assert.Equal(Renumbered, matches[2].Kinds);
        Assert.Equal(Unchanged, matches[6].Kinds);
    }

    [Fact]
    public void An_article_moved_with_its_number_kept_is_moved_only()
    {
        var older = Sample.Version("2017", [], ("1", A[0].Title, A[0].Text), ("2", A[1].Title, A[1].Text), ("2 bis", A[2].Title, A[2].Text), ("3", A[3].Title, A[3].Text), ("4", A[4].Title, A[4].Text));
        var newer = Sample.Version("2019", [], ("1", A[0].Title, A[0].Text), ("2", A[1].Title, A[1].Text), ("3", A[3].Title, A[3].Text), ("4", A[4].Title, A[4].Text), ("2 bis", A[2].Title, A[2].Text));

        var matches = ArticleMatches(older, newer);

        Assert.Equal(["Article 1", "Article 2", "Article 3", "Article 4", "Article 2 bis (moved)"], matches.Select(m => m.Label));
        Assert.Equal(Moved, matches[4].Kinds);
    }

    [Fact]
    public void An_article_whose_text_went_into_two_new_articles_is_split()
    {
        var longArticle = ("International cooperation",
            "International cooperation shall be based on equality, mutual respect, transparency and the free, prior and informed consent of the peoples concerned.\n\n"
            + "Cooperation shall never impose conditions that weaken human rights, and developed States shall provide assistance in a predictable and sustained manner.");
        var older = Sample.Version("2017", [A[0], A[1], longArticle, A[3]]);
        var newer = Sample.Version("2019", [
            A[0], A[1],
            ("International cooperation", "International cooperation shall be based on equality, mutual respect, transparency and the free, prior and informed consent of the peoples concerned."),
            ("Conditions of assistance", "Cooperation shall never impose conditions that weaken human rights, and developed States shall provide assistance in a predictable, sustained and timely manner."),
            A[3]]);

        var matches = ArticleMatches(older, newer);

        Assert.Equal(
            ["Article 1", "Article 2", "Articles 3 and 4 (split from Article 3)", "Article 5 (was Article 4)"],
            matches.Select(m => m.Label));
        var split = matches[2];
        Assert.Equal(Split | TextChanged, split.Kinds);
        Assert.Equal(["3"], split.Old.Select(p => p.Number));
        Assert.Equal(["3", "4"], split.New.Select(p => p.Number));
        Assert.InRange(split.Similarity, 0.8, 1.0);
    }

    [Fact]
    public void Two_articles_joined_into_one_are_merged()
    {
        var older = Sample.Version("2017", A[..6]);
        var newer = Sample.Version("2019", [
            A[0], A[1],
            ("Duties of States", A[2].Text + "\n\n" + A[3].Text.Replace("States shall take", "They shall also take", StringComparison.Ordinal)),
            A[4], A[5]]);

        var matches = ArticleMatches(older, newer);

        Assert.Equal(
            ["Article 1", "Article 2", "Article 3 (merged from Articles 3 and 4)", "Article 4 (was Article 5)", "Article 5 (was Article 6)"],
            matches.Select(m => m.Label));
        Assert.Equal(Merged | TextChanged, matches[2].Kinds);
        Assert.Equal(["3", "4"], matches[2].Old.Select(p => p.Number));
        Assert.Equal(A[2].Text + "\n\n" + A[3].Text, matches[2].OldText);
    }

    [Fact]
    public void Deleted_and_added_articles_are_removed_and_added_and_removed_ones_stay_where_they_were()
    {
        var older = Sample.Version("2017", A);
        (string, string) added = ("Follow-up", "The Human Rights Council shall review the implementation of the present declaration every five years on the basis of reports from States.");
        var newer = Sample.Version("2019", [A[1], A[2], A[3], A[4], A[5], A[7], added]);

        var matches = ArticleMatches(older, newer);

        Assert.Equal(
            ["Article 1 (removed)", "Article 1 (was Article 2)", "Article 2 (was Article 3)", "Article 3 (was Article 4)",
             "Article 4 (was Article 5)", "Article 5 (was Article 6)", "Article 7 (removed)", "Article 6 (was Article 8)", "Article 7 (new)"],
            matches.Select(m => m.Label));
        Assert.Equal(Removed, matches[0].Kinds);
        Assert.Empty(matches[0].New);
        Assert.Equal(Removed, matches[6].Kinds);
        Assert.Equal(Added, matches[8].Kinds);
        Assert.Equal(0, matches[8].Similarity);
    }

    [Fact]
    public void Edited_text_and_title_are_changed_in_place()
    {
        var older = Sample.Version("2017", A);
        var edited = A.ToArray();
        edited[2] = ("Obligations of States", A[2].Text.Replace("primary responsibility", "primary duty", StringComparison.Ordinal));
        var newer = Sample.Version("2019", edited);

        var match = ArticleMatches(older, newer)[2];

        Assert.Equal("Article 3", match.Label);
        Assert.Equal(TextChanged | TitleChanged, match.Kinds);
        Assert.InRange(match.Similarity, 0.8, 0.99);
    }

    [Fact]
    public void An_article_rewritten_under_the_same_number_and_title_is_the_same_article()
    {
        var older = Sample.Version("2017", A);
        var edited = A.ToArray();
        edited[4] = (A[4].Title, "Assistance between peoples is a shared endeavour grounded in reciprocity; no donor may dictate the priorities of those it helps.");
        var newer = Sample.Version("2019", edited);

        var match = ArticleMatches(older, newer)[4];

        Assert.Equal("Article 5", match.Label);
        Assert.Equal(TextChanged, match.Kinds);
        Assert.InRange(match.Similarity, 0.0, ArticleMatcher.WeakSimilarity);
    }

    [Fact]
    public void A_rewritten_article_with_a_new_title_is_removed_and_added()
    {
        var older = Sample.Version("2017", A[..3]);
        var newer = Sample.Version("2019", A[0], A[1], ("Something else", "Assistance between peoples is a shared endeavour grounded in reciprocity; no donor may dictate the priorities of those it helps."));

        var matches = ArticleMatches(older, newer);

        Assert.Equal(["Article 1", "Article 2", "Article 3 (removed)", "Article 3 (new)"], matches.Select(m => m.Label));
    }

    [Fact]
    public void Stable_ids_match_whatever_the_text_and_number()
    {
        var keys = Enumerable.Range(0, Sample.Preamble.Length + 3).Select(i => $"p{i}").ToArray();
        var older = Sample.WithIds(Sample.Version("2017", A[..3]), keys);
        var newer = Sample.WithIds(Sample.Version("2019", [A[2] with { Text = "Completely new words about something unrelated to the rest." }, A[0], A[1]]),
            [.. keys[..Sample.Preamble.Length], keys[^1], keys[^3], keys[^2]]);

        var matches = ArticleMatches(older, newer);

        Assert.Equal(["Article 1 (moved; was Article 3)", "Article 2 (was Article 1)", "Article 3 (was Article 2)"], matches.Select(m => m.Label));
        Assert.Equal(Moved | Renumbered | TextChanged, matches[0].Kinds);
    }

    [Fact]
    public void Provisions_with_different_stable_ids_are_never_matched_by_text()
    {
        var older = Sample.WithIds(Sample.Version("2017", [], ("1", A[0].Title, A[0].Text)), "old");
        var newer = Sample.WithIds(Sample.Version("2019", [], ("1", A[0].Title, A[0].Text)), "new");

        var matches = ArticleMatches(older, newer);

        Assert.Equal(["Article 1 (removed)", "Article 1 (new)"], matches.Select(m => m.Label));
    }

    [Fact]
    public void A_published_version_with_ids_and_an_imported_one_without_are_matched_by_text()
    {
        var keys = Enumerable.Range(0, Sample.Preamble.Length + A.Length).Select(i => $"k{i}").ToArray();
        var published = Sample.WithIds(Sample.Version("2017", A), keys);
        var imported = Sample.Version("Comments of a State", [A[1], A[0], .. A[2..]]);

        var matches = ArticleMatches(published, imported);

        Assert.Equal("Article 1 (moved; was Article 2)", matches[0].Label);
        Assert.Equal("Article 2 (was Article 1)", matches[1].Label);
        Assert.All(matches.Skip(2), m => Assert.Equal(Unchanged, m.Kinds));
    }

    [Fact]
    public void Imported_drafts_are_matched_by_number_and_text()
    {
        const string older = """
            # Draft declaration

            Recalling the Charter of the United Nations,

            ## Article 1 — Scope

            The present declaration applies to all States and to all peoples without distinction.

            ## Article 2 — Cooperation

            States shall cooperate with one another in good faith to realize the right to international solidarity.
            """;
        const string newer = """
            # Draft declaration

            Recalling the Charter of the United Nations,

            Recalling also the Universal Declaration of Human Rights,

            ## Article 1 — Scope

            The present declaration applies to all States and to all peoples without any distinction.

            ## Article 2 — Definitions

            For the purposes of the present declaration, solidarity means unity among peoples.

            ## Article 3 — Cooperation

            States shall cooperate with one another in good faith to realize the right to international solidarity.
            """;
        var options = new DraftImportOptions();
        var a = VersionDocument.FromDraft(DraftingRoom.Core.Import.MarkdownDraftParser.Parse(older, options), "2017");
        var b = VersionDocument.FromDraft(DraftingRoom.Core.Import.MarkdownDraftParser.Parse(newer, options), "2019");

        var matches = ArticleMatcher.Match(a, b);

        Assert.Equal(
            ["Preambular paragraph 1", "Preambular paragraph 2 (new)", "Article 1", "Article 2 (new)", "Article 3 (was Article 2)"],
            matches.Select(m => m.Label));
        Assert.Equal(TextChanged, matches[2].Kinds);
        Assert.All(b.Provisions, p => Assert.Null(p.StableId));
    }

    [Fact]
    public void Preambular_paragraphs_are_matched_among_themselves()
    {
        var older = Sample.Version("2017", Sample.Preamble, ("1", A[0].Title, A[0].Text));
        var newer = Sample.Version("2019", [Sample.Preamble[1], Sample.Preamble[2], Sample.Preamble[0].Replace("Recalling", "Recalling also", StringComparison.Ordinal)],
            ("1", A[0].Title, A[0].Text));

        var matches = ArticleMatcher.Match(older, newer);

        Assert.Equal(
            ["Preambular paragraph 1", "Preambular paragraph 2", "Preambular paragraph 4 (removed)",
             "Preambular paragraph 3 (moved; was preambular paragraph 1)", "Article 1"],
            matches.Select(m => m.Label));
        Assert.Equal(Moved | TextChanged, matches[3].Kinds);
        Assert.All(matches.Take(4), m => Assert.Equal(ProvisionKind.PreambularParagraph, m.Kind));
    }

    [Fact]
    public void Chinese_and_arabic_articles_are_matched_by_their_text()
    {
        (string, string)[] chinese =
        [
            ("国际团结权", "人人有权享有国际团结，不受任何形式的歧视。国际团结权属于个人和各国人民。"),
            ("国家的义务", "各国负有尊重、保护和实现国际团结权的首要责任，包括通过国际援助与合作。"),
            ("参与", "人人有权积极、自由和有意义地参与影响其本人的团结行动的设计、执行和评估。"),
        ];
        (string, string)[] arabic =
        [
            ("الحق في التضامن الدولي", "لكل فرد الحق في التضامن الدولي دون أي تمييز من أي نوع. ويعود هذا الحق إلى الأفراد والشعوب."),
            ("واجبات الدول", "تتحمل الدول المسؤولية الأساسية عن احترام الحق في التضامن الدولي وحمايته وإعماله، بما في ذلك من خلال المساعدة والتعاون الدوليين."),
            ("المشاركة", "لكل فرد الحق في المشاركة بنشاط وحرية وبصورة هادفة في تصميم أعمال التضامن التي تمسه وتنفيذها وتقييمها."),
        ];

        foreach (var (articles, addition) in new[] { (chinese, "团结是共同的责任。"), (arabic, " والتضامن واجب مشترك.") })
        {
            var older = Sample.Version("2017", [], articles.Select((a, i) => ($"{i + 1}", a.Item1, a.Item2)).ToArray());
            var newer = Sample.Version("2019", [],
                ("1", articles[1].Item1, articles[1].Item2),
                ("2", articles[0].Item1, articles[0].Item2 + addition),
                ("3", articles[2].Item1, articles[2].Item2));

            var matches = ArticleMatches(older, newer);

            Assert.Equal(["Article 1 (moved; was Article 2)", "Article 2 (was Article 1)", "Article 3"], matches.Select(m => m.Label));
            Assert.Equal(Renumbered | TextChanged, matches[1].Kinds);
        }
    }

    [Fact]
    public void Every_provision_is_in_exactly_one_match()
    {
        var older = Sample.Version("2017", A);
        var newer = Sample.Version("2019", [A[3], A[0] with { Text = A[0].Text + " Solidarity is a shared duty." }, A[7], A[5], A[6]]);

        var matches = ArticleMatcher.Match(older, newer);

        Assert.Equal(older.Provisions.OrderBy(p => p.Position), matches.SelectMany(m => m.Old).OrderBy(p => p.Position));
        Assert.Equal(newer.Provisions.OrderBy(p => p.Position), matches.SelectMany(m => m.New).OrderBy(p => p.Position));
    }
}
