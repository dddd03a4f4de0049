using System.Globalization;
using DraftingRoom.Core.Diff;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Versions;

namespace DraftingRoom.Core.Export;

/// <summary>
/// Writes the comparison of two versions as a Word document with real tracked changes, for delegations that review
/// amendments in Word.
/// </summary>
/// <remarks>
/// The document opens with the newer version's title (its changes tracked when the title changed), a line naming
/// the two versions and a summary of the changes. Then every provision, unchanged ones included, under a heading
/// (style "Heading 1") with its match label ("Article 5 (was Article 4)", "Article 7 (new)"): the article's title
/// (style "Heading 2") and text, with inserted words in <c>w:ins</c> and deleted words in <c>w:del</c>, by the
/// given author at the given time. Added provisions are entirely insertions, removed ones entirely deletions.
/// Accepting every change gives the newer text of each provision; rejecting every change gives the older one.
/// Track Changes is on in the document's settings, so further edits are tracked too. The headings and the lines
/// at the top describe the comparison and are not tracked.
/// </remarks>
public static class DocxComparisonExporter
{
    /// <summary>Writes the comparison as a .docx file.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="output">Where the file goes; it need not be seekable.</param>
    /// <param name="author">The author Word shows for every change (usually the person exporting).</param>
    /// <param name="date">The time Word shows for every change.</param>
    public static void Write(VersionComparison comparison, Stream output, string author, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(author);
        var changes = new TrackedChangesWriter(author, date);
        var older = comparison.Older;
        var newer = comparison.Newer;
        WordFile.Write(output, newer.Title, $"Changes from {older.Label} to {newer.Label}", body =>
        {
            var title = string.Equals(older.Title, newer.Title, StringComparison.Ordinal)
                ? [new DiffSegment(DiffSegmentKind.Unchanged, newer.Title)]
                : WordDiff.Compare(older.Title, newer.Title).Segments;
            body.Append(changes.Paragraphs(title, WordFile.Styles.Title));
            body.Append(WordFile.Paragraph(WordFile.Styles.Subtitle, $"Changes from {Describe(older)} to {Describe(newer)}"));
            body.Append(WordFile.Paragraph(WordFile.Styles.Subtitle, Summarise(comparison.Summary)));

            foreach (var provision in comparison.Provisions)
            {
                body.Append(WordFile.Paragraph(WordFile.Styles.Heading1, provision.Label));
                if (provision.Title.Segments.Count > 0)
                {
                    body.Append(changes.Paragraphs(provision.Title.Segments, WordFile.Styles.Heading2));
                }

                var style = provision.Match.Kind == ProvisionKind.PreambularParagraph ? WordFile.Styles.Preamble : WordFile.Styles.Normal;
                body.Append(changes.Paragraphs(provision.Text.Segments, style));
            }
        }, trackRevisions: true);
    }

    /// <summary>"Draft declaration (2017), A/HRC/35/35, 25 April 2017".</summary>
    private static string Describe(VersionDocument version) =>
        string.Join(", ", new[]
        {
            version.Label,
            version.Symbol,
            version.Date?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>The summary in words: "Articles: 2 changed, 1 added. Preamble: 1 removed. Words: 57 added, 12 removed."</summary>
    internal static string Summarise(ComparisonSummary summary)
    {
        if (!summary.HasDifferences)
        {
            return "The two versions are identical.";
        }

        static string Counts(params (int Count, string What)[] counts) =>
            string.Join(", ", counts.Where(c => c.Count > 0).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Count} {c.What}")));

        var parts = new List<string>();
        if (summary.TitleChanged)
        {
            parts.Add("Title changed.");
        }

        var articles = Counts(
            (summary.ArticlesChanged, "changed"), (summary.ArticlesAdded, "added"), (summary.ArticlesRemoved, "removed"),
            (summary.ArticlesMoved, "moved"), (summary.ArticlesRenumbered, "renumbered"), (summary.ArticlesSplit, "split"),
            (summary.ArticlesMerged, "merged"));
        if (articles.Length > 0)
        {
            parts.Add($"Articles: {articles}.");
        }

        var preamble = Counts(
            (summary.PreambularParagraphsChanged, "changed"), (summary.PreambularParagraphsAdded, "added"),
            (summary.PreambularParagraphsRemoved, "removed"), (summary.PreambularParagraphsMoved, "moved"));
        if (preamble.Length > 0)
        {
            parts.Add($"Preambular paragraphs: {preamble}.");
        }

        parts.Add(string.Create(CultureInfo.InvariantCulture, $"Words: {summary.WordsAdded} added, {summary.WordsRemoved} removed."));
        return string.Join(" ", parts);
    }
}
