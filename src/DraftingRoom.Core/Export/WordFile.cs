using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DraftingRoom.Core.Export;

/// <summary>
/// Writes the Word documents of the exports: one style sheet in the manner of United Nations documents (Times New
/// Roman 12, the built-in Title and Heading styles so that Word's navigation pane lists the articles), A4 pages,
/// and document properties.
/// </summary>
internal static class WordFile
{
    /// <summary>The style ids used by the exports.</summary>
    public static class Styles
    {
        public const string Normal = "Normal";
        public const string Title = "Title";
        public const string Subtitle = "Subtitle";
        public const string Heading1 = "Heading1";
        public const string Heading2 = "Heading2";
        public const string Heading3 = "Heading3";
        public const string Symbol = "DocumentSymbol";
        public const string Preamble = "PreambularParagraph";
        public const string Entry = "EntryHeading";
    }

    private const string Font = "Times New Roman";

    /// <summary>Builds a document in memory, then copies it to the output, which need not be seekable.</summary>
    /// <param name="output">Where the .docx goes.</param>
    /// <param name="title">The document property "Title".</param>
    /// <param name="subject">The document property "Subject", if any.</param>
    /// <param name="build">Appends the body's paragraphs.</param>
    /// <param name="trackRevisions">Turn on Track Changes in the document's settings.</param>
    public static void Write(Stream output, string title, string? subject, Action<Body> build, bool trackRevisions = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = CreateStyles();
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings();
            if (trackRevisions)
            {
                settings.Settings.Append(new TrackRevisions());
            }

            var body = main.Document.Body!;
            build(body);
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1440, Bottom = 1440, Left = 1440U, Right = 1440U, Header = 720U, Footer = 720U, Gutter = 0U }));

            document.PackageProperties.Title = title;
            document.PackageProperties.Subject = subject;
            document.PackageProperties.Language = "en";
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>A paragraph in the given style; right to left when its text is in a right-to-left script.</summary>
    public static Paragraph Paragraph(string styleId, string text, params IEnumerable<OpenXmlElement> content)
    {
        var properties = new ParagraphProperties { ParagraphStyleId = new ParagraphStyleId { Val = styleId } };
        if (TextDirection.IsRightToLeft(text))
        {
            properties.BiDi = new BiDi();
        }

        var paragraph = new Paragraph(properties);
        paragraph.Append(content);
        return paragraph;
    }

    /// <summary>A paragraph in the given style holding one run of text.</summary>
    public static Paragraph Paragraph(string styleId, string text) => Paragraph(styleId, text, Runs(text));

    /// <summary>
    /// Runs for a text: line breaks become Word line breaks; right-to-left scripts are marked so. Empty for an empty
    /// text.
    /// </summary>
    public static IEnumerable<Run> Runs(string text, bool italic = false, bool bold = false, bool deleted = false)
    {
        if (text.Length == 0)
        {
            yield break;
        }

        var run = new Run();
        var properties = new RunProperties();
        if (bold)
        {
            properties.Bold = new Bold();
            properties.BoldComplexScript = new BoldComplexScript();
        }

        if (italic)
        {
            properties.Italic = new Italic();
            properties.ItalicComplexScript = new ItalicComplexScript();
        }

        if (TextDirection.IsRightToLeft(text))
        {
            properties.RightToLeftText = new RightToLeftText();
        }

        if (properties.HasChildren)
        {
            run.RunProperties = properties;
        }

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }

            if (lines[i].Length > 0)
            {
                run.Append(deleted
                    ? new DeletedText(lines[i]) { Space = SpaceProcessingModeValues.Preserve }
                    : new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            }
        }

        yield return run;
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Styles CreateStyles()
    {
        var styles = new DocumentFormat.OpenXml.Wordprocessing.Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font },
                    new FontSize { Val = "24" },
                    new FontSizeComplexScript { Val = "24" },
                    new Languages { Val = "en-GB", Bidi = "ar-SA", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "240", Line = "240", LineRule = LineSpacingRuleValues.Auto }))));

        styles.Append(
            Style(Styles.Normal, "Normal", basedOn: null, isDefault: true,
                paragraph: [new Justification { Val = JustificationValues.Both }]),
            Style(Styles.Title, "Title", paragraph:
                [new KeepNext(), new SpacingBetweenLines { Before = "240", After = "480" }, new Justification { Val = JustificationValues.Center }],
                run: [new Bold(), new BoldComplexScript(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" }]),
            Style(Styles.Subtitle, "Subtitle", paragraph: [new Justification { Val = JustificationValues.Center }]),
            Heading(Styles.Heading1, "heading 1", 0, bold: false),
            Heading(Styles.Heading2, "heading 2", 1, bold: true),
            Heading(Styles.Heading3, "heading 3", 2, bold: true, italic: true),
            Style(Styles.Symbol, "Document symbol", paragraph:
                [new SpacingBetweenLines { After = "0" }, new Justification { Val = JustificationValues.Right }]),
            Style(Styles.Preamble, "Preambular paragraph", paragraph:
                [new Indentation { FirstLine = "720" }, new Justification { Val = JustificationValues.Both }]),
            Style(Styles.Entry, "Entry heading", paragraph:
                [new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }, new Justification { Val = JustificationValues.Left }]));
        return styles;
    }

    private static Style Heading(string id, string name, int level, bool bold, bool italic = false)
    {
        List<OpenXmlElement> run = [];
        if (bold)
        {
            run.AddRange([new Bold(), new BoldComplexScript()]);
        }

        if (italic)
        {
            run.AddRange([new Italic(), new ItalicComplexScript()]);
        }

        var style = Style(id, name, paragraph:
            [new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new Justification { Val = JustificationValues.Center },
             new OutlineLevel { Val = level }],
            run: run);
        style.UIPriority = new UIPriority { Val = 9 };
        style.PrimaryStyle = new PrimaryStyle();
        return style;
    }

    private static Style Style(
        string id, string name, string? basedOn = Styles.Normal, bool isDefault = false,
        IEnumerable<OpenXmlElement>? paragraph = null, IEnumerable<OpenXmlElement>? run = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id, StyleName = new StyleName { Val = name } };
        if (isDefault)
        {
            style.Default = OnOffValue.FromBoolean(true);
        }

        if (basedOn is not null)
        {
            style.BasedOn = new BasedOn { Val = basedOn };
            style.NextParagraphStyle = new NextParagraphStyle { Val = Styles.Normal };
        }

        if (paragraph is not null)
        {
            style.StyleParagraphProperties = new StyleParagraphProperties(paragraph);
        }

        if (run is not null && run.Any())
        {
            style.StyleRunProperties = new StyleRunProperties(run);
        }

        return style;
    }
}
