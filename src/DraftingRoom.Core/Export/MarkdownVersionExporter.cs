using DraftingRoom.Core.Drafting;
using System.Globalization;
using System.Text;
using DraftingRoom.Core.Diff;
using DraftingRoom.Core.Versions;

namespace DraftingRoom.Core.Export;

/// <summary>
/// Writes a version of a declaration as Markdown that <see cref="Import.MarkdownDraftParser"/> reads back to the same
/// title and provisions.
/// </summary>
/// <remarks>
/// The layout: an HTML comment with the symbol, label and date (the importer skips comments); the title as a level-1
/// heading; a "Preamble" heading (skipped on import) and the preambular paragraphs, their opening words in italics
/// (the importer stores plain text); then each article as a level-2 heading "Article N — Title" followed by its
/// paragraphs. Line breaks inside a paragraph (before list items) are kept. Texts are written as they are: text
/// that reads as Markdown markup or as an article heading at the start of a paragraph ("Article 5. …") would be
/// read differently, and an article without a title whose first paragraph is a short line without final
/// punctuation would have that line read as its title.
/// </remarks>
public static class MarkdownVersionExporter
{
    /// <summary>Writes the version as Markdown.</summary>
    /// <param name="document">The version.</param>
    /// <returns>The Markdown text, with "\n" line endings.</returns>
    public static string Write(VersionDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var markdown = new StringBuilder();
        var about = new[]
        {
            document.Symbol,
            document.Label,
            document.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Replace("--", "- -", StringComparison.Ordinal));
        markdown.Append("<!-- ").AppendJoin(" · ", about).Append(" -->\n\n");
        if (!string.IsNullOrWhiteSpace(document.Title))
        {
            markdown.Append("# ").Append(OneLine(document.Title)).Append("\n\n");
        }

        var preamble = document.Preamble.ToList();
        if (preamble.Count > 0)
        {
            markdown.Append("## Preamble\n\n");
            foreach (var paragraph in preamble)
            {
                var (opening, rest) = PreambleOpening.Split(paragraph.Text);
                // A paragraph that is all opening would read as an emphasised line, which the importer skips.
                markdown.Append(opening.Length > 0 && rest.Trim().Length > 0 ? $"*{opening}*{rest}" : paragraph.Text).Append("\n\n");
            }
        }

        var rank = 0;
        foreach (var article in document.Articles)
        {
            rank++;
            markdown.Append("## ").Append(DocxVersionExporter.ArticleHeading(article, rank));
            if (!string.IsNullOrWhiteSpace(article.Title))
            {
                markdown.Append(" — ").Append(OneLine(article.Title));
            }

            markdown.Append("\n\n");
            foreach (var paragraph in ParagraphAligner.SplitParagraphs(article.Text))
            {
                markdown.Append(paragraph).Append("\n\n");
            }
        }

        return markdown.ToString().TrimEnd('\n') + "\n";
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
