using System.Globalization;
using System.Text.RegularExpressions;
using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Core.Import;

/// <summary>
/// Reads a draft declaration written as Markdown or plain text.
/// </summary>
/// <remarks>
/// <para>
/// The same structure rules apply to Markdown, plain text and Word documents (a Word paragraph counts as a line
/// followed by a blank line; heading styles count as headings and all-bold paragraphs as emphasised lines):
/// </para>
/// <list type="bullet">
/// <item><description>
/// <b>Paragraphs.</b> Blank lines separate paragraphs. Lines of one paragraph are joined with a space (soft wrapping),
/// except list items ("- ", "* ", "• ", "(a) ", "b) ", "(iv) ", "1. "), which keep their own line. A numbered line
/// ("1. ", "2) ") starts a new paragraph even without a blank line before it. Runs of spaces and tabs become one
/// space; the text is otherwise kept as written, except that Markdown emphasis markers are removed (stored texts are plain).
/// </description></item>
/// <item><description>
/// <b>Articles.</b> A line starts an article when, after removing heading markers and emphasis, it reads "Article"
/// (case-insensitive; also "Artículo", "Статья", "المادة") followed by a number: digits, or upper-case roman numerals,
/// optionally with "bis", "ter", "quater"… ("3 bis", "3bis"). A heading or emphasised line may hold a title after
/// the number, separated by a dash, colon, full stop or just a space ("## Article 1 Definitions"). A plain line may
/// hold a title only after a dash, colon, full stop or tab ("Article 1 — Definitions"), so that prose such as
/// "Article 5 of the Covenant…" is not taken for a heading; if what follows the separator is longer than 80
/// characters or ends with a full stop, it is the article's first sentence, not a title. A plain heading line must
/// open a paragraph, unless "Article" is capitalised and the previous line ends a sentence (. ; : ! ? or a closing
/// quote or bracket), so that a reference wrapped onto a new line ("…set out in / article 5 of…") stays prose.
/// Article numbers are kept as the document writes them and need not be in order.
/// </description></item>
/// <item><description>
/// <b>Article titles</b> written apart from the heading: the first paragraph after the heading is the title when it
/// is a heading, an emphasised line that reads as a title, or a single plain line of at most 80 characters with no
/// final punctuation (. ; : , ! ?), not a list item, not starting with a lower-case letter, and followed by more text.
/// </description></item>
/// <item><description>
/// <b>Document title.</b> The first paragraph, before the first article, is the title when it is a heading or an
/// emphasised line, or a single plain line of at most 200 characters that reads as a title by the rule above and is
/// followed by more of the document. "Preamble" is never a title.
/// </description></item>
/// <item><description>
/// <b>Preamble.</b> Every other paragraph before the first article is one preambular paragraph, the opening
/// "The General Assembly," and the closing "Has adopted the following declaration:" included, except headings and
/// short emphasised lines (a "Preamble" heading, a subtitle), which are skipped, and a line reading "Preamble".
/// </description></item>
/// <item><description>
/// <b>Article text</b> runs to the next article heading; its paragraphs are separated by a blank line. Headings
/// inside it ("Annex" after the last article) stay in the text, without their markers; structural divisions
/// ("Part II", "Chapter 3", "Section 1" headings) are dropped.
/// </description></item>
/// <item><description>
/// <b>Markdown specifics.</b> ATX ("## …") and setext (underlined) headings; whole-line <c>**bold**</c>,
/// <c>__bold__</c>, <c>*italic*</c> or <c>_italic_</c> lines are emphasised lines; thematic breaks ("---") and
/// HTML comments are ignored.
/// </description></item>
/// </list>
/// <para>
/// Errors (<see cref="DraftImportException"/>, naming the line): no article, an article without text, an article
/// number used twice, a provision longer than <see cref="DraftImportOptions.MaxProvisionLength"/>, and control
/// characters that only occur in binary files.
/// </para>
/// </remarks>
public static partial class MarkdownDraftParser
{
    /// <summary>Parses a draft declaration written as Markdown or plain text.</summary>
    /// <param name="text">The document's text; any line endings.</param>
    /// <param name="options">The import limits.</param>
    /// <returns>The document's title and provisions.</returns>
    /// <exception cref="DraftImportException">The text is not a draft declaration the rules can read.</exception>
    public static DraftDocument Parse(string text, DraftImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(options);
        return new DraftStructureParser(options, "Line").Parse(ReadLines(text));
    }

    /// <summary>Splits Markdown or plain text into the line model, reading its Markdown markup.</summary>
    internal static List<SourceLine> ReadLines(string text)
    {
        var raw = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var lines = new List<SourceLine>(raw.Length);
        var inComment = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var number = i + 1;
            var line = CheckCharacters(raw[i], number);
            if (inComment || line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                var close = line.IndexOf("-->", StringComparison.Ordinal);
                inComment = close < 0;
                line = inComment ? "" : line[(close + 3)..];
            }

            var trimmed = line.Trim();
            if (trimmed.Length == 0 || ThematicBreak().IsMatch(line))
            {
                lines.Add(new SourceLine("", number));
                continue;
            }

            if (AtxHeading().Match(line) is { Success: true } atx)
            {
                lines.Add(new SourceLine(StripWholeLineEmphasis(atx.Groups["t"].Value.Trim()) ?? atx.Groups["t"].Value.Trim(), number, LineStyle.Heading));
                continue;
            }

            // Setext heading: a single-line paragraph underlined with === or ---.
            if (i + 1 < raw.Length && SetextUnderline().IsMatch(raw[i + 1])
                && (lines.Count == 0 || lines[^1].IsBlank) && !LinePatterns.IsListItem(trimmed))
            {
                lines.Add(new SourceLine(StripWholeLineEmphasis(trimmed) ?? trimmed, number, LineStyle.Heading));
                lines.Add(new SourceLine("", number + 1));
                i++;
                continue;
            }

            lines.Add(StripWholeLineEmphasis(trimmed) is { } inner
                ? new SourceLine(inner, number, LineStyle.Emphasised, StripInlineEmphasis(trimmed))
                : new SourceLine(StripInlineEmphasis(trimmed), number));
        }

        return lines;
    }

    private static string CheckCharacters(string line, int number)
    {
        foreach (var c in line)
        {
            if (c < ' ' && c is not '\t' and not '\f' and not '\v')
            {
                throw new DraftImportException(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The file contains binary data (character U+{(int)c:X4}), not text. Import a Markdown, text or Word (.docx) file."),
                    number);
            }
        }

        // Page breaks and vertical tabs (Word's line break when text is copied out of it) read as spaces.
        return line.Replace('\f', ' ').Replace('\v', ' ');
    }

    private static string? StripWholeLineEmphasis(string line) =>
        WholeLineEmphasis().Match(line) is { Success: true } m ? m.Groups["t"].Value.Trim() : null;

    // Stored texts are plain: "*Recalling* the Charter" is kept as "Recalling the Charter". The reading view sets
    // the opening words of preambular paragraphs in italics itself.
    private static string StripInlineEmphasis(string line) => InlineEmphasis().Replace(line, m => m.Groups["t"].Value);

    [GeneratedRegex(@"\*\*(?<t>\S(?:[^*]*?\S)?)\*\*|(?<![\w*])\*(?<t>\S(?:[^*]*?\S)?)\*(?![\w*])|(?<!\w)__(?<t>\S(?:[^_]*?\S)?)__(?!\w)|(?<!\w)_(?<t>\S(?:[^_]*?\S)?)_(?!\w)")]
    private static partial Regex InlineEmphasis();

    [GeneratedRegex(@"^ {0,3}(?<h>#{1,6})(?:[ \t]+(?<t>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}(?:=+|-+)[ \t]*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")]
    private static partial Regex ThematicBreak();

    // The delimiter must not occur inside, so "**a** and **b**" is not one emphasised line.
    [GeneratedRegex(@"^(?:\*\*(?<t>[^*]+)\*\*|__(?<t>[^_]+)__|\*(?<t>[^*\s][^*]*)\*|_(?<t>[^_\s][^_]*)_)$")]
    private static partial Regex WholeLineEmphasis();
}
