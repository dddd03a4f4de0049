using System.Globalization;
using System.Text;
using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Export;

/// <summary>Writes a compilation of the comments and proposals received on a declaration, as Word or CSV.</summary>
/// <remarks>
/// Both formats list the entries by provision (<see cref="CompilationEntry.ArticleOrder"/>), then by kind of
/// stakeholder in the order of <see cref="StakeholderKinds.InOrder"/> (others after them, alphabetically), then by
/// organisation, date and author.
/// </remarks>
public static class CompilationExporter
{
    /// <summary>The CSV file's columns.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
        ["Provision", "Kind", "Stakeholder", "Organisation", "Author", "Date (UTC)", "Status", "Text"];

    /// <summary>
    /// Writes the compilation as a Word document: the title and round, then for each provision a heading
    /// ("Heading 1"), for each kind of stakeholder a sub-heading ("Heading 2"), and each entry as a bold line with
    /// the organisation, followed by the kind, status, date and author, then its text.
    /// </summary>
    /// <param name="compilation">The compilation.</param>
    /// <param name="output">Where the .docx goes; it need not be seekable.</param>
    public static void WriteDocx(CompilationDocument compilation, Stream output)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(output);
        WordFile.Write(output, compilation.Title, compilation.RoundLabel, body =>
        {
            body.Append(WordFile.Paragraph(WordFile.Styles.Title, compilation.Title));
            if (!string.IsNullOrWhiteSpace(compilation.RoundLabel))
            {
                body.Append(WordFile.Paragraph(WordFile.Styles.Subtitle, compilation.RoundLabel));
            }

            foreach (var article in Sorted(compilation.Entries).GroupBy(e => (e.ArticleOrder, e.ArticleLabel)))
            {
                body.Append(WordFile.Paragraph(WordFile.Styles.Heading1, article.Key.ArticleLabel));
                foreach (var stakeholders in article.GroupBy(e => StakeholderKinds.DisplayName(e.StakeholderKind)))
                {
                    body.Append(WordFile.Paragraph(WordFile.Styles.Heading2, stakeholders.Key));
                    foreach (var entry in stakeholders)
                    {
                        var details = $" — {Capitalise(entry.Kind)}, {entry.Status}, {entry.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, {entry.Author}";
                        body.Append(WordFile.Paragraph(
                            WordFile.Styles.Entry, entry.Organisation + details,
                            [.. WordFile.Runs(entry.Organisation, bold: true), .. WordFile.Runs(details)]));
                        foreach (var paragraph in ParagraphAligner.SplitParagraphs(entry.Text))
                        {
                            body.Append(WordFile.Paragraph(WordFile.Styles.Normal, paragraph));
                        }
                    }
                }
            }
        });
    }

    /// <summary>
    /// Writes the compilation as CSV (RFC 4180: comma-separated, CRLF between records, fields quoted when they hold
    /// a comma, quote or line break, quotes doubled), in UTF-8 with a byte order mark so that Excel reads accents and
    /// non-Latin scripts. A field starting with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe
    /// so that spreadsheets do not run it as a formula. Dates are UTC, "yyyy-MM-dd HH:mm".
    /// </summary>
    /// <param name="compilation">The compilation.</param>
    /// <param name="output">Where the CSV goes.</param>
    public static void WriteCsv(CompilationDocument compilation, Stream output)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        writer.Write(CsvRecord(CsvColumns));
        foreach (var entry in Sorted(compilation.Entries))
        {
            writer.Write(CsvRecord([
                entry.ArticleLabel,
                Capitalise(entry.Kind),
                StakeholderKinds.DisplayName(entry.StakeholderKind),
                entry.Organisation,
                entry.Author,
                entry.Date.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                entry.Status,
                entry.Text,
            ]));
        }
    }

    /// <summary>One CSV record, with its CRLF.</summary>
    internal static string CsvRecord(IEnumerable<string?> fields) =>
        string.Join(",", fields.Select(CsvField)) + "\r\n";

    /// <summary>A field made safe for spreadsheets and quoted when RFC 4180 requires it.</summary>
    internal static string CsvField(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static IEnumerable<CompilationEntry> Sorted(IEnumerable<CompilationEntry> entries) =>
        entries
            .OrderBy(e => e.ArticleOrder)
            .ThenBy(e => e.ArticleLabel, StringComparer.Ordinal)
            .ThenBy(e => StakeholderKinds.Rank(e.StakeholderKind))
            .ThenBy(e => StakeholderKinds.DisplayName(e.StakeholderKind), StringComparer.OrdinalIgnoreCase)
            .ThenBy(e => e.Organisation, StringComparer.Create(CultureInfo.InvariantCulture, ignoreCase: true))
            .ThenBy(e => e.Date)
            .ThenBy(e => e.Author, StringComparer.Ordinal);

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
