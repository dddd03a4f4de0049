using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using DraftingRoom.Core.Diff;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Versions;

namespace DraftingRoom.Core.Export;

/// <summary>Writes a version of a declaration as a Word document laid out like a United Nations document.</summary>
/// <remarks>
/// The symbol, when there is one, stands at the top right with the version's label and date; the title is centred
/// in bold (style "Title"); preambular paragraphs are justified with a first-line indent and their opening words
/// ("Recalling", "Bearing in mind", "Deeply concerned") in italics; each article has "Article N" centred (style
/// "Heading 1") and its title centred in bold ("Heading 2"), so Word's navigation pane lists the articles; the
/// articles' paragraphs are justified. Times New Roman 12 throughout, A4 pages. Paragraphs in Arabic and other
/// right-to-left scripts are set right to left. The document's Title property is the declaration's title; its
/// Subject is the version's label.
/// </remarks>
public static class DocxVersionExporter
{
    /// <summary>Writes the version as a .docx file.</summary>
    /// <param name="document">The version.</param>
    /// <param name="output">Where the file goes; it need not be seekable.</param>
    public static void Write(VersionDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        WordFile.Write(output, document.Title, document.Label, body =>
        {
            foreach (var line in Masthead(document))
            {
                body.Append(WordFile.Paragraph(WordFile.Styles.Symbol, line));
            }

            body.Append(WordFile.Paragraph(WordFile.Styles.Title, document.Title));
            foreach (var paragraph in document.Preamble)
            {
                body.Append(PreambularParagraph(paragraph.Text));
            }

            var rank = 0;
            foreach (var article in document.Articles)
            {
                rank++;
                body.Append(WordFile.Paragraph(WordFile.Styles.Heading1, ArticleHeading(article, rank)));
                if (!string.IsNullOrWhiteSpace(article.Title))
                {
                    body.Append(WordFile.Paragraph(WordFile.Styles.Heading2, article.Title.Trim()));
                }

                foreach (var paragraph in ParagraphAligner.SplitParagraphs(article.Text))
                {
                    body.Append(WordFile.Paragraph(WordFile.Styles.Normal, paragraph));
                }
            }
        });
    }

    /// <summary>"Article 3 bis", or "Article" and the article's rank when it has no number.</summary>
    internal static string ArticleHeading(VersionProvision article, int rank) =>
        "Article " + (string.IsNullOrWhiteSpace(article.Number) ? rank.ToString(CultureInfo.InvariantCulture) : article.Number.Trim());

    /// <summary>The lines at the top right: the symbol, then the label and date. None without a symbol.</summary>
    internal static IEnumerable<string> Masthead(VersionDocument document)
    {
        if (string.IsNullOrWhiteSpace(document.Symbol))
        {
            yield break;
        }

        yield return document.Symbol.Trim();
        yield return document.Label;
        if (document.Date is { } date)
        {
            yield return date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        }
    }

    internal static Paragraph PreambularParagraph(string text)
    {
        var (opening, rest) = PreambleOpening.Split(text);
        return WordFile.Paragraph(
            WordFile.Styles.Preamble, text, [.. WordFile.Runs(opening, italic: true), .. WordFile.Runs(rest)]);
    }
}
