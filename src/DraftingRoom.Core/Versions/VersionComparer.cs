using DraftingRoom.Core.Diff;
using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Core.Versions;

/// <summary>Compares two versions of a declaration: matches their provisions, then compares each match word by word.</summary>
public static class VersionComparer
{
    /// <summary>Compares two versions.</summary>
    /// <param name="older">The older version.</param>
    /// <param name="newer">The newer version.</param>
    /// <param name="options">How to compare; <see cref="ComparisonOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>
    /// The matches (see <see cref="ArticleMatcher"/>) with their word diffs, in the newer version's order, and the
    /// summary. Identical texts are not diffed: they give one unchanged segment (and unchanged paragraphs side by
    /// side) directly. Rewritten texts are compared as wholes (see <see cref="ProvisionComparison.Rewritten"/>).
    /// </returns>
    public static VersionComparison Compare(VersionDocument older, VersionDocument newer, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var prints = new FingerprintCache();
        var provisions = ArticleMatcher.Match(older, newer, prints).Select(m => Compare(m, options ?? ComparisonOptions.Default, prints)).ToList();
        return new VersionComparison(older, newer, provisions, Summarise(older, newer, provisions));
    }

    /// <summary>Compares the texts and titles of one match.</summary>
    /// <param name="match">The match.</param>
    /// <param name="options">How to compare; <see cref="ComparisonOptions.Default"/> when <see langword="null"/>.</param>
    /// <returns>The match with its word diffs.</returns>
    public static ProvisionComparison Compare(ArticleMatch match, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        return Compare(match, options ?? ComparisonOptions.Default, new FingerprintCache());
    }

    private static ProvisionComparison Compare(ArticleMatch match, ComparisonOptions options, FingerprintCache prints)
    {
        string oldText = match.OldText, newText = match.NewText;
        var title = CompareTitles(Titles(match.Old), Titles(match.New));
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return new ProvisionComparison(match, Unchanged(oldText), UnchangedSideBySide(oldText), title);
        }

        if (match.Old.Count > 0 && match.New.Count > 0 && match.Similarity < options.RewriteSimilarity
            && oldText.Length >= options.RewriteMinLength && newText.Length >= options.RewriteMinLength)
        {
            int oldWords = prints.Of(match.Old).Words, newWords = prints.Of(match.New).Words;
            return new ProvisionComparison(
                match, Replaced(oldText, newText, oldWords, newWords), ReplacedSideBySide(oldText, newText, oldWords, newWords), title)
            {
                Rewritten = true,
            };
        }

        return new ProvisionComparison(match, WordDiff.Compare(oldText, newText), WordDiff.CompareSideBySide(oldText, newText), title);
    }

    private static ComparisonSummary Summarise(VersionDocument older, VersionDocument newer, List<ProvisionComparison> provisions)
    {
        int Count(ProvisionKind kind, Func<ArticleMatch, bool> predicate) =>
            provisions.Count(p => p.Match.Kind == kind && predicate(p.Match));

        static bool OneToOne(ArticleMatch m) => m.Old.Count == 1 && m.New.Count == 1;
        const ArticleMatchKinds textOrTitle = ArticleMatchKinds.TextChanged | ArticleMatchKinds.TitleChanged;
        const ProvisionKind article = ProvisionKind.Article, preamble = ProvisionKind.PreambularParagraph;
        return new ComparisonSummary(
            ArticlesChanged: Count(article, m => OneToOne(m) && (m.Kinds & textOrTitle) != 0),
            ArticlesAdded: Count(article, m => m.Is(ArticleMatchKinds.Added)),
            ArticlesRemoved: Count(article, m => m.Is(ArticleMatchKinds.Removed)),
            ArticlesMoved: Count(article, m => m.Is(ArticleMatchKinds.Moved)),
            ArticlesRenumbered: Count(article, m => m.Is(ArticleMatchKinds.Renumbered)),
            ArticlesSplit: Count(article, m => m.Is(ArticleMatchKinds.Split)),
            ArticlesMerged: Count(article, m => m.Is(ArticleMatchKinds.Merged)),
            PreambularParagraphsChanged: Count(preamble, m => OneToOne(m) && (m.Kinds & textOrTitle) != 0),
            PreambularParagraphsAdded: Count(preamble, m => m.Is(ArticleMatchKinds.Added)),
            PreambularParagraphsRemoved: Count(preamble, m => m.Is(ArticleMatchKinds.Removed)),
            PreambularParagraphsMoved: Count(preamble, m => m.Is(ArticleMatchKinds.Moved)),
            WordsAdded: provisions.Sum(p => p.Text.WordsInserted),
            WordsRemoved: provisions.Sum(p => p.Text.WordsDeleted),
            TitleChanged: !string.Equals(older.Title, newer.Title, StringComparison.Ordinal));
    }

    private static string Titles(IEnumerable<VersionProvision> provisions) =>
        string.Join(" / ", provisions.Select(p => p.Title?.Trim()).Where(t => !string.IsNullOrEmpty(t)));

    private static TextDiff CompareTitles(string oldTitle, string newTitle) =>
        string.Equals(oldTitle, newTitle, StringComparison.Ordinal) ? Unchanged(oldTitle) : WordDiff.Compare(oldTitle, newTitle);

    /// <summary>The old text deleted and the new one inserted, as wholes.</summary>
    private static TextDiff Replaced(string oldText, string newText, int oldWords, int newWords) =>
        new([new DiffSegment(DiffSegmentKind.Deleted, oldText), new DiffSegment(DiffSegmentKind.Inserted, newText)], newWords, oldWords);

    /// <summary>The paragraphs of both texts paired by position, each entirely deleted or inserted.</summary>
    private static SideBySideDiff ReplacedSideBySide(string oldText, string newText, int oldWords, int newWords)
    {
        var oldParagraphs = ParagraphAligner.SplitParagraphs(oldText);
        var newParagraphs = ParagraphAligner.SplitParagraphs(newText);
        var rows = new List<SideBySideRow>();
        for (var i = 0; i < Math.Max(oldParagraphs.Count, newParagraphs.Count); i++)
        {
            var old = i < oldParagraphs.Count ? new DiffCell(i, [new DiffSegment(DiffSegmentKind.Deleted, oldParagraphs[i])]) : null;
            var @new = i < newParagraphs.Count ? new DiffCell(i, [new DiffSegment(DiffSegmentKind.Inserted, newParagraphs[i])]) : null;
            var kind = (old, @new) switch
            {
                (not null, not null) => SideBySideRowKind.Modified,
                (not null, null) => SideBySideRowKind.Deleted,
                _ => SideBySideRowKind.Inserted,
            };
            rows.Add(new SideBySideRow(kind, old, @new));
        }

        return new SideBySideDiff(rows, newWords, oldWords);
    }

    /// <summary>What <see cref="WordDiff.Compare"/> gives for two equal texts, without comparing them.</summary>
    private static TextDiff Unchanged(string text) =>
        new(text.Length == 0 ? [] : [new DiffSegment(DiffSegmentKind.Unchanged, text)], 0, 0);

    /// <summary>What <see cref="WordDiff.CompareSideBySide"/> gives for two equal texts, without comparing them.</summary>
    private static SideBySideDiff UnchangedSideBySide(string text) =>
        new(
            ParagraphAligner.SplitParagraphs(text)
                .Select((p, i) => new SideBySideRow(
                    SideBySideRowKind.Unchanged,
                    new DiffCell(i, [new DiffSegment(DiffSegmentKind.Unchanged, p)]),
                    new DiffCell(i, [new DiffSegment(DiffSegmentKind.Unchanged, p)])))
                .ToList(),
            0,
            0);
}
