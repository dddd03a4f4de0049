using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Core.Import;

/// <summary>
/// Reads a draft declaration from a Word document (.docx).
/// </summary>
/// <remarks>
/// Each paragraph of the main document body (table cells included, in reading order) becomes a line followed by a
/// blank line, and the structure rules of <see cref="MarkdownDraftParser"/> apply. Paragraphs in a heading style
/// (built-in "heading 1"…"heading 9", "Title", "Subtitle", or any style or paragraph with an outline level) are headings;
/// paragraphs whose text is all bold are emphasised lines. Automatic numbering is rendered as Word shows it
/// ("1.", "(a)", "Article 3"; bullets as "-") and separated from the text by a tab. Manual line breaks split a
/// paragraph into lines. Tracked deletions, field codes, text boxes and drawings are ignored; tracked insertions
/// are kept. Positions in error messages and <see cref="DraftProvision.SourceLine"/> are paragraph numbers,
/// counting every paragraph of the body, empty ones included.
/// </remarks>
public static partial class DocxDraftParser
{
    private const string InvalidDocument = "The file is not a valid Word document (.docx).";

    /// <summary>Parses a draft declaration from a Word document.</summary>
    /// <param name="docx">The .docx file's content; it need not be seekable.</param>
    /// <param name="options">The import limits.</param>
    /// <returns>The document's title and provisions.</returns>
    /// <exception cref="DraftImportException">
    /// The stream is not a Word document, or the document is not a draft declaration the rules can read.
    /// </exception>
    public static DraftDocument Parse(Stream docx, DraftImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(docx);
        ArgumentNullException.ThrowIfNull(options);
        return new DraftStructureParser(options, "Paragraph").Parse(ReadLines(docx));
    }

    /// <summary>Reads the body's paragraphs into the line model.</summary>
    internal static List<SourceLine> ReadLines(Stream docx)
    {
        try
        {
            using var seekable = docx.CanSeek ? null : new MemoryStream();
            if (seekable is not null)
            {
                docx.CopyTo(seekable);
                seekable.Position = 0;
            }

            using var document = WordprocessingDocument.Open(seekable ?? docx, isEditable: false);
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw new DraftImportException(InvalidDocument);
            return new BodyReader(document.MainDocumentPart).Read(body);
        }
        catch (DraftImportException)
        {
            throw;
        }
        catch (Exception)
        {
            // Corrupt zips, other Office formats and malformed XML surface as many different exception types;
            // for the person uploading they all mean the same thing.
            throw new DraftImportException(InvalidDocument);
        }
    }

    private sealed class BodyReader(MainDocumentPart main)
    {
        private readonly StyleSheet _styles = new(main.StyleDefinitionsPart?.Styles);
        private readonly List<SourceLine> _lines = [];
        private int _paragraphNumber;

        public List<SourceLine> Read(Body body)
        {
            ReadBlocks(body);
            return _lines;
        }

        private ListNumbering Numbering => field ??= new ListNumbering(main.NumberingDefinitionsPart?.Numbering, _styles);

        private void ReadBlocks(OpenXmlElement container)
        {
            foreach (var child in container.ChildElements)
            {
                switch (child)
                {
                    case Paragraph paragraph:
                        ReadParagraph(paragraph);
                        break;
                    case Table or TableRow or TableCell or SdtBlock or SdtContentBlock or CustomXmlBlock
                        or SdtRow or SdtContentRow or SdtCell or SdtContentCell or CustomXmlRow or CustomXmlCell:
                        ReadBlocks(child);
                        break;
                }
            }
        }

        private void ReadParagraph(Paragraph paragraph)
        {
            var number = ++_paragraphNumber;
            var properties = paragraph.ParagraphProperties;
            var styleId = properties?.ParagraphStyleId?.Val?.Value;
            var text = new StringBuilder();
            var allBold = true;
            var anyText = false;
            var styleBold = _styles.IsBold(styleId);
            AppendText(paragraph, text, ref allBold, ref anyText, styleBold);

            // The label is computed even for empty paragraphs, which advance the list in Word too, but only shown
            // with text: a lone "3." is not a paragraph of the draft.
            var label = Numbering.NextLabel(properties, styleId);
            if (!string.IsNullOrEmpty(label) && anyText)
            {
                text.Insert(0, label + "\t");
            }

            var style = _styles.IsHeading(styleId, properties?.OutlineLevel?.Val?.Value)
                ? LineStyle.Heading
                : anyText && allBold ? LineStyle.Emphasised : LineStyle.Plain;
            foreach (var line in text.ToString().Split('\n'))
            {
                _lines.Add(new SourceLine(line.Trim(), number, style));
            }

            _lines.Add(new SourceLine("", number));
        }

        private static void AppendText(OpenXmlElement element, StringBuilder text, ref bool allBold, ref bool anyText, bool styleBold)
        {
            foreach (var child in element.ChildElements)
            {
                switch (child)
                {
                    case Run run:
                        var length = text.Length;
                        AppendText(run, text, ref allBold, ref anyText, styleBold);
                        if (text.ToString(length, text.Length - length).Trim().Length > 0)
                        {
                            anyText = true;
                            allBold &= run.RunProperties?.Bold is { } bold ? bold.Val?.Value ?? true : styleBold;
                        }

                        break;
                    case Text t:
                        text.Append(t.Text);
                        break;
                    case TabChar or PositionalTab:
                        text.Append('\t');
                        break;
                    case Break br when br.Type is null || br.Type.Value == BreakValues.TextWrapping:
                    case CarriageReturn:
                        text.Append('\n');
                        break;
                    case NoBreakHyphen:
                        text.Append('\u2011');
                        break;
                    case ParagraphProperties or RunProperties or DeletedRun or DeletedText or DeletedFieldCode
                        or FieldCode or MoveFromRun or Drawing or Picture or EmbeddedObject or AlternateContent:
                        break;
                    default:
                        // Hyperlinks, tracked insertions, content controls, smart tags and simple fields hold runs.
                        AppendText(child, text, ref allBold, ref anyText, styleBold);
                        break;
                }
            }
        }
    }

    /// <summary>The paragraph styles of a document, followed through their "based on" chains.</summary>
    private sealed partial class StyleSheet(Styles? styles)
    {
        private const int MaxChain = 16;

        private readonly Dictionary<string, Style> _byId = styles?.Elements<Style>()
            .Where(s => s.StyleId?.Value is not null)
            .GroupBy(s => s.StyleId!.Value!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, Style>(StringComparer.OrdinalIgnoreCase);

        public bool IsHeading(string? styleId, int? outlineLevel)
        {
            // Outline level 9 is body text.
            if (outlineLevel is { } level)
            {
                return level < 9;
            }

            foreach (var style in Chain(styleId))
            {
                if (style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } styleLevel)
                {
                    return styleLevel < 9;
                }

                if (style.StyleName?.Val?.Value is { } name && HeadingName().IsMatch(name))
                {
                    return true;
                }
            }

            // Documents without a styles part still name built-in styles by their English ids.
            return styleId is not null && HeadingName().IsMatch(styleId);
        }

        public bool IsBold(string? styleId)
        {
            foreach (var style in Chain(styleId))
            {
                if (style.StyleRunProperties?.Bold is { } bold)
                {
                    return bold.Val?.Value ?? true;
                }
            }

            return false;
        }

        public NumberingProperties? NumberingOf(string? styleId) =>
            Chain(styleId).Select(s => s.StyleParagraphProperties?.NumberingProperties).FirstOrDefault(n => n is not null);

        private IEnumerable<Style> Chain(string? styleId)
        {
            for (var depth = 0; styleId is not null && depth < MaxChain && _byId.TryGetValue(styleId, out var style); depth++)
            {
                yield return style;
                styleId = style.BasedOn?.Val?.Value;
            }
        }

        [GeneratedRegex(@"^(?:heading\s?[1-9]|title|subtitle)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
        private static partial Regex HeadingName();
    }

    /// <summary>Computes the labels Word shows for automatically numbered paragraphs.</summary>
    private sealed partial class ListNumbering(Numbering? numbering, StyleSheet styles)
    {
        private const int Levels = 9;

        private readonly Dictionary<int, NumberingInstance> _instances = numbering?.Elements<NumberingInstance>()
            .Where(n => n.NumberID?.Value is not null)
            .GroupBy(n => n.NumberID!.Value)
            .ToDictionary(g => g.Key, g => g.First()) ?? [];

        private readonly Dictionary<int, AbstractNum> _abstracts = numbering?.Elements<AbstractNum>()
            .Where(a => a.AbstractNumberId?.Value is not null)
            .GroupBy(a => a.AbstractNumberId!.Value)
            .ToDictionary(g => g.Key, g => g.First()) ?? [];

        // Word continues a list across numbering instances that share an abstract definition, so counters are kept
        // per abstract definition; an instance with a start override restarts it when first used.
        private readonly Dictionary<int, int?[]> _counters = [];
        private readonly HashSet<int> _usedInstances = [];

        public string? NextLabel(ParagraphProperties? properties, string? styleId)
        {
            var direct = properties?.NumberingProperties;
            var inherited = styles.NumberingOf(styleId);
            var numId = direct?.NumberingId?.Val?.Value ?? inherited?.NumberingId?.Val?.Value;
            var levelIndex = direct?.NumberingLevelReference?.Val?.Value ?? inherited?.NumberingLevelReference?.Val?.Value ?? 0;
            if (numId is not { } id || id == 0 || levelIndex is < 0 or >= Levels
                || !_instances.TryGetValue(id, out var instance)
                || instance.AbstractNumId?.Val?.Value is not { } abstractId
                || !_abstracts.TryGetValue(abstractId, out var abstractNum))
            {
                return null;
            }

            if (!_counters.TryGetValue(abstractId, out var counters))
            {
                counters = new int?[Levels];
                _counters[abstractId] = counters;
            }

            var firstUse = _usedInstances.Add(id);
            for (var level = 0; level <= levelIndex; level++)
            {
                var (_, start, overridden) = LevelOf(instance, abstractNum, level);
                if (firstUse && overridden)
                {
                    counters[level] = null;
                }

                counters[level] = level == levelIndex
                    ? counters[level] + 1 ?? start
                    : counters[level] ?? start;
            }

            for (var deeper = levelIndex + 1; deeper < Levels; deeper++)
            {
                counters[deeper] = null;
            }

            var (definition, _, _) = LevelOf(instance, abstractNum, levelIndex);
            var format = definition?.NumberingFormat?.Val?.InnerText ?? "decimal";
            if (format == "bullet")
            {
                return "-";
            }

            var pattern = definition?.LevelText?.Val?.Value ?? $"%{levelIndex + 1}.";
            return LevelPlaceholder().Replace(pattern, m =>
            {
                var level = m.Groups[1].Value[0] - '1';
                var (levelDefinition, _, _) = LevelOf(instance, abstractNum, level);
                return Format(counters[level] ?? 1, levelDefinition?.NumberingFormat?.Val?.InnerText ?? "decimal");
            }).Trim();
        }

        private static (Level? Definition, int Start, bool Overridden) LevelOf(NumberingInstance instance, AbstractNum abstractNum, int level)
        {
            var levelOverride = instance.Elements<LevelOverride>().FirstOrDefault(o => o.LevelIndex?.Value == level);
            var definition = levelOverride?.Level
                ?? abstractNum.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
            return levelOverride?.StartOverrideNumberingValue?.Val?.Value is { } overrideValue
                ? (definition, overrideValue, true)
                : (definition, definition?.StartNumberingValue?.Val?.Value ?? 1, false);
        }

        private static string Format(int value, string format) => format switch
        {
            "none" => "",
            "lowerLetter" => Letters(value).ToLowerInvariant(),
            "upperLetter" => Letters(value),
            "lowerRoman" => Roman(value).ToLowerInvariant(),
            "upperRoman" => Roman(value),
            "decimalZero" => value.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        // Word's letter numbering repeats the letter: a…z, aa…zz, aaa…
        private static string Letters(int value) =>
            value < 1 ? value.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : new string((char)('A' + ((value - 1) % 26)), ((value - 1) / 26) + 1);

        private static string Roman(int value)
        {
            if (value is < 1 or > 3999)
            {
                return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            ReadOnlySpan<(int, string)> numerals =
            [
                (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
            ];
            var result = new StringBuilder();
            foreach (var (amount, numeral) in numerals)
            {
                while (value >= amount)
                {
                    result.Append(numeral);
                    value -= amount;
                }
            }

            return result.ToString();
        }

        [GeneratedRegex("%([1-9])")]
        private static partial Regex LevelPlaceholder();
    }
}
