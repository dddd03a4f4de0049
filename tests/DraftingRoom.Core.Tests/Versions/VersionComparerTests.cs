using DraftingRoom.Core.Diff;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Import;
using DraftingRoom.Core.Tests.Import;
using DraftingRoom.Core.Versions;
using static DraftingRoom.Core.Versions.ArticleMatchKinds;

namespace DraftingRoom.Core.Tests.Versions;

public class VersionComparerTests
{
    private static readonly (string Title, string Text)[] A = Sample.Articles;

    [Fact]
    public void A_version_compared_with_itself_has_no_differences()
    {
        var version = Sample.Version("2017", A);

        var comparison = VersionComparer.Compare(version, version);

        Assert.False(comparison.HasDifferences);
        Assert.Empty(comparison.Changed);
        Assert.Equal(new ComparisonSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false), comparison.Summary);
        Assert.All(comparison.Provisions, p =>
        {
            Assert.False(p.Text.HasChanges);
            Assert.False(p.SideBySide.HasChanges);
            Assert.False(p.Title.HasChanges);
        });
    }

    [Fact]
    public void Unchanged_texts_get_the_same_diffs_as_comparing_them()
    {
        var version = Sample.Version("2017", A);

        foreach (var provision in VersionComparer.Compare(version, version).Provisions)
        {
            var text = provision.Match.NewText;
            Assert.Equal(WordDiff.Compare(text, text).Segments, provision.Text.Segments);
            var expected = WordDiff.CompareSideBySide(text, text);
            Assert.Equal(expected.Rows.Count, provision.SideBySide.Rows.Count);
            for (var i = 0; i < expected.Rows.Count; i++)
            {
                Assert.Equal(expected.Rows[i].Kind, provision.SideBySide.Rows[i].Kind);
                Assert.Equal(expected.Rows[i].Old!.Segments, provision.SideBySide.Rows[i].Old!.Segments);
                Assert.Equal(expected.Rows[i].New!.Segments, provision.SideBySide.Rows[i].New!.Segments);
            }
        }
    }

    [Fact]
    public void The_summary_counts_each_kind_of_change_and_the_words()
    {
        var older = Sample.Version("2017", A);
        (string, string) added = ("Follow-up", "The Human Rights Council shall review the implementation of the present declaration.");
        var newer = Sample.Version("2019", [
            A[0],
            added,                                                                               // new Article 2
            A[1] with { Text = A[1].Text.Replace("spirit of unity", "spirit of unity and trust", StringComparison.Ordinal) }, // 2 → 3, changed
            A[3],                                                                                // 4 → 4
            A[2],                                                                                // 3 → 5, moved
            A[4], A[5],                                                                          // 5 → 6, 6 → 7
            A[7] with { Title = "Saving clause" },                                               // 8 → 8, title changed; 7 removed
        ]);
        string[] preamble = [Sample.Preamble[0], Sample.Preamble[2], Sample.Preamble[3], "Convinced that solidarity is essential to peace,"];
        newer = newer with
        {
            Provisions = [.. preamble.Select((t, i) => new VersionProvision(null, ProvisionKind.PreambularParagraph, i + 1, null, null, t)),
                          .. newer.Articles.Select(p => p with { Position = p.Position + 10 })],
        };

        var comparison = VersionComparer.Compare(older, newer);

        Assert.Equal(
            ["Preambular paragraph 1", "Preambular paragraph 2 (removed)", "Preambular paragraph 2", "Preambular paragraph 3",
             "Preambular paragraph 4 (new)",
             "Article 1", "Article 2 (new)", "Article 3 (was Article 2)", "Article 4", "Article 5 (moved; was Article 3)",
             "Article 6 (was Article 5)", "Article 7 (was Article 6)", "Article 7 (removed)", "Article 8"],
            comparison.Provisions.Select(p => p.Label));
        var s = comparison.Summary;
        Assert.Equal(2, s.ArticlesChanged);         // Articles 3 (text) and 8 (title)
        Assert.Equal(1, s.ArticlesAdded);
        Assert.Equal(1, s.ArticlesRemoved);
        Assert.Equal(1, s.ArticlesMoved);
        Assert.Equal(4, s.ArticlesRenumbered);      // 2 → 3, 3 → 5, 5 → 6, 6 → 7
        Assert.Equal(0, s.ArticlesSplit);
        Assert.Equal(0, s.ArticlesMerged);
        Assert.Equal(0, s.PreambularParagraphsChanged);
        Assert.Equal(1, s.PreambularParagraphsAdded);
        Assert.Equal(1, s.PreambularParagraphsRemoved);
        Assert.Equal(0, s.PreambularParagraphsMoved);
        var addedWords = WordCount(added.Item2) + 2 /* "and trust" */ + WordCount(preamble[3]);
        var removedWords = WordCount(A[6].Text) + WordCount(Sample.Preamble[1]);
        Assert.Equal(addedWords, s.WordsAdded);
        Assert.Equal(removedWords, s.WordsRemoved);
        Assert.False(s.TitleChanged);
        Assert.True(comparison.HasDifferences);
        Assert.Equal(TitleChanged, comparison.Provisions[^1].Kinds);
        Assert.Equal(
            [new DiffSegment(DiffSegmentKind.Deleted, "Final provisions"), new DiffSegment(DiffSegmentKind.Inserted, "Saving clause")],
            comparison.Provisions[^1].Title.Segments);
    }

    [Fact]
    public void Added_and_removed_articles_are_entirely_inserted_and_deleted()
    {
        var older = Sample.Version("2017", A[0], A[1]);
        var newer = Sample.Version("2019", A[0], A[2]);

        var comparison = VersionComparer.Compare(older, newer);

        var removed = Assert.Single(comparison.Provisions, p => p.Kinds == Removed);
        Assert.Equal([new DiffSegment(DiffSegmentKind.Deleted, A[1].Text)], removed.Text.Segments);
        var added = Assert.Single(comparison.Provisions, p => p.Kinds == Added);
        Assert.Equal([new DiffSegment(DiffSegmentKind.Inserted, A[2].Text)], added.Text.Segments);
        Assert.Equal(SideBySideRowKind.Inserted, Assert.Single(added.SideBySide.Rows).Kind);
        Assert.Equal(WordCount(A[2].Text), comparison.Summary.WordsAdded);
        Assert.Equal(WordCount(A[1].Text), comparison.Summary.WordsRemoved);
    }

    [Fact]
    public void A_split_is_compared_with_the_new_articles_joined()
    {
        var older = Sample.Version("2017", A[0]);
        var newer = Sample.Version("2019",
            ("The right to international solidarity", "Everyone, individually and collectively, has the right to international solidarity without discrimination of any kind."),
            ("Holders of the right", "The right to international solidarity belongs to individuals and to peoples."));

        var comparison = VersionComparer.Compare(older, newer);

        var split = comparison.Provisions.Single(p => p.Match.Kind == ProvisionKind.Article);
        Assert.Equal("Articles 1 and 2 (split from Article 1)", split.Label);
        Assert.Equal(A[0].Text, split.Text.OldText);
        Assert.Equal(newer.Articles.First().Text + "\n\n" + newer.Articles.Last().Text, split.Text.NewText);
        Assert.Equal(2, split.Text.WordsDeleted); // the numbers "1" and "2"
        Assert.Equal(1, comparison.Summary.ArticlesSplit);
        Assert.Equal(0, comparison.Summary.ArticlesAdded);
        Assert.Equal("The right to international solidarity / Holders of the right", split.Title.NewText);
    }

    [Fact]
    public void A_published_article_that_gave_part_of_its_text_to_a_new_one_is_split()
    {
        var keys = Enumerable.Range(0, Sample.Preamble.Length + 2).Select(i => $"k{i}").ToArray();
        var older = Sample.WithIds(Sample.Version("2017", A[0], A[1]), keys);
        var newer = Sample.WithIds(
            Sample.Version("2019",
                A[0] with { Text = "Everyone, individually and collectively, has the right to international solidarity without discrimination of any kind." },
                ("Holders of the right", "The right to international solidarity belongs to individuals and to peoples."),
                A[1]),
            [.. keys, "fresh"]);
        newer = newer with { Provisions = newer.Provisions.Select(p => p.Number == "2" ? p with { StableId = Sample.Id("fresh") } : p.Number == "3" ? p with { StableId = Sample.Id(keys[^1]) } : p).ToList() };

        var comparison = VersionComparer.Compare(older, newer);

        Assert.Equal(
            ["Articles 1 and 2 (split from Article 1)", "Article 3 (was Article 2)"],
            comparison.Provisions.Where(p => p.Match.Kind == ProvisionKind.Article).Select(p => p.Label));
    }

    [Fact]
    public void A_version_read_from_an_imported_draft_keeps_its_provisions_in_order()
    {
        var draft = MarkdownDraftParser.Parse(TestFiles.ReadTestData("declaration.md"), new DraftImportOptions());

        var version = VersionDocument.FromDraft(draft, "Draft (2017)", "A/HRC/35/35", new DateOnly(2017, 4, 25));

        Assert.Equal("Draft declaration on international solidarity", version.Title);
        Assert.Equal("A/HRC/35/35", version.Symbol);
        Assert.Equal(draft.Provisions.Select(p => (p.Kind, p.Number, p.Title, p.Text)), version.Ordered.Select(p => (p.Kind, p.Number, p.Title, p.Text)));
        Assert.Equal(Enumerable.Range(1, draft.Provisions.Count), version.Ordered.Select(p => p.Position));
        Assert.All(version.Provisions, p => Assert.Null(p.StableId));
        Assert.Equal("Untitled", VersionDocument.FromDraft(draft with { Title = null }, "v", title: "Untitled").Title);
    }

    [Fact]
    public void A_rewritten_article_is_compared_as_a_whole_deletion_and_insertion()
    {
        var older = Sample.Version("2017", A);
        var edited = A.ToArray();
        const string rewritten = "Assistance between peoples is a shared endeavour grounded in reciprocity.\n\nNo donor may dictate the priorities of those it helps.";
        edited[4] = (A[4].Title, rewritten);
        var newer = Sample.Version("2019", edited);

        var article = VersionComparer.Compare(older, newer).Provisions.Single(p => p.Label == "Article 5");
        var wordByWord = VersionComparer.Compare(older, newer, new ComparisonOptions(RewriteSimilarity: 0)).Provisions.Single(p => p.Label == "Article 5");

        Assert.True(article.Rewritten);
        Assert.Equal([new DiffSegment(DiffSegmentKind.Deleted, A[4].Text), new DiffSegment(DiffSegmentKind.Inserted, rewritten)], article.Text.Segments);
        Assert.Equal(WordCount(A[4].Text), article.Text.WordsDeleted);
        Assert.Equal(WordCount(rewritten), article.Text.WordsInserted);
        Assert.Equal([SideBySideRowKind.Modified, SideBySideRowKind.Inserted], article.SideBySide.Rows.Select(r => r.Kind));
        Assert.Equal(A[4].Text, article.SideBySide.Rows[0].Old!.Text);
        Assert.Equal("Assistance between peoples is a shared endeavour grounded in reciprocity.", article.SideBySide.Rows[0].New!.Text);
        Assert.False(wordByWord.Rewritten);
        Assert.Equal(A[4].Text, wordByWord.Text.OldText);
        Assert.Equal(rewritten, wordByWord.Text.NewText);
        Assert.Contains(wordByWord.Text.Segments, s => s.Kind == DiffSegmentKind.Unchanged);
    }

    [Fact]
    public void Short_or_similar_texts_are_always_compared_word_by_word()
    {
        var older = Sample.Version("2017", [], ("1", "Cooperation", "States shall cooperate."), ("2", A[1].Title, A[1].Text));
        var newer = Sample.Version("2019", [], ("1", "Cooperation", "States should cooperate."), ("2", A[1].Title, A[1].Text.Replace("unity", "togetherness", StringComparison.Ordinal)));

        var comparison = VersionComparer.Compare(older, newer);

        Assert.All(comparison.Provisions, p => Assert.False(p.Rewritten));
        Assert.Equal(0, comparison.Provisions[0].Match.Similarity);
        Assert.Equal(1, comparison.Provisions[0].Text.WordsDeleted);
    }

    private static int WordCount(string text) => WordChunker.Instance.Chunk(text).Count(t => char.IsLetterOrDigit(t[0]));
}
