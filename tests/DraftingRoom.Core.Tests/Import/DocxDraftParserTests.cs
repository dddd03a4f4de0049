using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Import;

namespace DraftingRoom.Core.Tests.Import;

public class DocxDraftParserTests
{
    private static readonly DraftImportOptions Options = new();

    [Fact]
    public void A_word_draft_with_heading_styles_gives_title_preamble_and_articles()
    {
        using var docx = BuildDocx(body =>
        {
            body.Append(
                StyledParagraph("Title", "Draft declaration on international solidarity"),
                StyledParagraph("Subtitle", "Text submitted for consultation"),
                StyledParagraph("Heading1", "Preamble"),
                TextParagraph("Recalling the Charter of the United Nations,"),
                TextParagraph("Reaffirming that all human rights are universal,"),
                new Paragraph(),
                StyledParagraph("Heading2", "Article 1 — The right to international solidarity"),
                TextParagraph("1. Everyone has the right to international solidarity."),
                TextParagraph("2. The right belongs to individuals and peoples."),
                StyledParagraph("Heading2", "Article 2"),
                StyledParagraph("Heading3", "Duties of States"),
                TextParagraph("States shall cooperate."));
        });

        var document = DocxDraftParser.Parse(docx, Options);

        Assert.Equal("Draft declaration on international solidarity", document.Title);
        Assert.Equal(
            ["Recalling the Charter of the United Nations,", "Reaffirming that all human rights are universal,"],
            document.Preamble.Select(p => p.Text));
        var articles = document.Articles.ToList();
        Assert.Equal(["1", "2"], articles.Select(a => a.Number));
        Assert.Equal(["The right to international solidarity", "Duties of States"], articles.Select(a => a.Title));
        Assert.Equal(
            "1. Everyone has the right to international solidarity.\n\n2. The right belongs to individuals and peoples.",
            articles[0].Text);
        Assert.Equal(7, articles[0].SourceLine);
        Assert.Equal("States shall cooperate.", articles[1].Text);
    }

    [Fact]
    public void Plain_paragraphs_reading_article_n_start_articles_and_bold_paragraphs_are_titles()
    {
        using var docx = BuildDocx(body =>
        {
            body.Append(
                BoldParagraph("Draft declaration"),
                TextParagraph("Recalling the Charter,"),
                TextParagraph("Article 1"),
                BoldParagraph("Scope"),
                TextParagraph("This declaration applies to all States."),
                TextParagraph("ARTICLE 2"),
                TextParagraph("Obligations"),
                TextParagraph("States shall cooperate."));
        });

        var document = DocxDraftParser.Parse(docx, Options);

        Assert.Equal("Draft declaration", document.Title);
        Assert.Equal(["Scope", "Obligations"], document.Articles.Select(a => a.Title));
        Assert.Equal(["This declaration applies to all States.", "States shall cooperate."], document.Articles.Select(a => a.Text));
    }

    [Fact]
    public void Runs_breaks_tabs_hyperlinks_and_tracked_changes_give_the_visible_text()
    {
        using var docx = BuildDocx(body =>
        {
            body.Append(
                TextParagraph("Article 1"),
                new Paragraph(
                    new Run(new Text("States ")),
                    new Run(new Text("shall")),
                    new DeletedRun(new Run(new DeletedText(" not"))),
                    new InsertedRun(new Run(new Text(" fully"))),
                    new Run(new TabChar(), new Text("cooperate")),
                    new Hyperlink(new Run(new Text(" in good faith."))) { Anchor = "x" },
                    new Run(new Break(), new Text("(a) second line;"))));
        });

        var article = Assert.Single(DocxDraftParser.Parse(docx, Options).Articles);

        Assert.Equal("States shall fully cooperate in good faith.\n(a) second line;", article.Text);
    }

    [Fact]
    public void Automatic_numbering_is_rendered_as_word_shows_it()
    {
        using var docx = BuildDocx(
            body =>
            {
                body.Append(
                    NumberedParagraph(2, 0, "Purpose"),
                    NumberedParagraph(1, 0, "Everyone has the right to international solidarity."),
                    NumberedParagraph(1, 1, "individually;"),
                    NumberedParagraph(1, 1, "collectively."),
                    NumberedParagraph(1, 0, ""),
                    NumberedParagraph(1, 0, "States shall cooperate."),
                    NumberedParagraph(2, 0, "Duties"),
                    NumberedParagraph(3, 0, "One bullet."),
                    TextParagraph("Text."));
            },
            numbering: new Numbering(
                AbstractNumbering(1, ("decimal", "%1."), ("lowerLetter", "(%2)")),
                AbstractNumbering(2, ("decimal", "Article %1")),
                AbstractNumbering(3, ("bullet", "\uF0B7")),
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 },
                new NumberingInstance(new AbstractNumId { Val = 3 }) { NumberID = 3 }));

        var articles = DocxDraftParser.Parse(docx, Options).Articles.ToList();

        Assert.Equal(["1", "2"], articles.Select(a => a.Number));
        Assert.Equal(["Purpose", "Duties"], articles.Select(a => a.Title));
        Assert.Equal(
            "1. Everyone has the right to international solidarity.\n\n(a) individually;\n\n(b) collectively.\n\n3. States shall cooperate.",
            articles[0].Text);
        Assert.Equal("- One bullet.\n\nText.", articles[1].Text);
    }

    [Fact]
    public void Heading_styles_are_recognised_by_name_and_outline_level_whatever_their_id()
    {
        var styles = new Styles(
            new Style(new StyleName { Val = "heading 2" }) { Type = StyleValues.Paragraph, StyleId = "Titre2" },
            new Style(new StyleName { Val = "Article title" }, new StyleParagraphProperties(new OutlineLevel { Val = 2 }))
            {
                Type = StyleValues.Paragraph, StyleId = "ArticleTitle",
            });
        using var docx = BuildDocx(
            body => body.Append(
                StyledParagraph("Titre2", "Article 1"),
                StyledParagraph("ArticleTitle", "Scope"),
                TextParagraph("Text.")),
            styles: styles);

        var article = Assert.Single(DocxDraftParser.Parse(docx, Options).Articles);

        Assert.Equal("Scope", article.Title);
    }

    [Fact]
    public void Paragraphs_in_tables_are_read_in_order()
    {
        using var docx = BuildDocx(body => body.Append(
            TextParagraph("Article 1"),
            new Table(new TableRow(new TableCell(TextParagraph("In a table.")))),
            TextParagraph("After the table.")));

        Assert.Equal("In a table.\n\nAfter the table.", Assert.Single(DocxDraftParser.Parse(docx, Options).Articles).Text);
    }

    [Fact]
    public void Errors_name_the_paragraph()
    {
        using var docx = BuildDocx(body => body.Append(
            TextParagraph("Article 1"),
            TextParagraph("Text."),
            new Paragraph(),
            TextParagraph("Article 1"),
            TextParagraph("Again.")));

        var error = Assert.Throws<DraftImportException>(() => DocxDraftParser.Parse(docx, Options));

        Assert.Equal(4, error.Line);
        Assert.Equal("Paragraph 4: Article 1 appears twice; it already starts at paragraph 1.", error.Message);
    }

    [Fact]
    public void A_document_without_articles_is_an_error()
    {
        using var docx = BuildDocx(body => body.Append(TextParagraph("Just a letter.")));

        Assert.StartsWith("No line starting an article", Assert.Throws<DraftImportException>(() => DocxDraftParser.Parse(docx, Options)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_seekable_stream_is_read()
    {
        using var docx = BuildDocx(body => body.Append(TextParagraph("Article 1"), TextParagraph("Text.")));

        var document = DocxDraftParser.Parse(new ForwardOnlyStream(docx), Options);

        Assert.Equal("Text.", Assert.Single(document.Provisions).Text);
    }

    public static TheoryData<byte[]> NotWordDocuments => new()
    {
        Array.Empty<byte>(),
        "Article 1\n\nThis is text, not a Word document."u8.ToArray(),
        new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0xFF, 0xFF },
        TruncatedDocx(),
        ZipWithoutWordDocument(),
    };

    [Theory]
    [MemberData(nameof(NotWordDocuments))]
    public void Anything_but_a_word_document_gives_one_clear_error(byte[] content)
    {
        var error = Assert.Throws<DraftImportException>(() => DocxDraftParser.Parse(new MemoryStream(content), Options));

        Assert.Equal("The file is not a valid Word document (.docx).", error.Message);
        Assert.Null(error.Line);
    }

    private static byte[] TruncatedDocx()
    {
        using var docx = BuildDocx(body => body.Append(TextParagraph("Article 1"), TextParagraph("Text.")));
        return docx.ToArray()[..(int)(docx.Length / 2)];
    }

    private static byte[] ZipWithoutWordDocument()
    {
        var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("Article 1");
        }

        return buffer.ToArray();
    }

    internal static MemoryStream BuildDocx(Action<Body> fill, Numbering? numbering = null, Styles? styles = null)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            fill(body);
            main.Document = new Document(body);
            if (numbering is not null)
            {
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
            }

            if (styles is not null)
            {
                main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
            }
        }

        stream.Position = 0;
        return stream;
    }

    internal static Paragraph TextParagraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph StyledParagraph(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), new Run(new Text(text)));

    private static Paragraph BoldParagraph(string text) => new(new Run(new RunProperties(new Bold()), new Text(text)));

    private static Paragraph NumberedParagraph(int numId, int level, string text) =>
        new(
            new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
            new Run(new Text(text)));

    private static AbstractNum AbstractNumbering(int id, params (string Format, string Text)[] levels)
    {
        var abstractNum = new AbstractNum { AbstractNumberId = id };
        for (var i = 0; i < levels.Length; i++)
        {
            abstractNum.Append(new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = new EnumValue<NumberFormatValues>(new NumberFormatValues(levels[i].Format)) },
                new LevelText { Val = levels[i].Text }) { LevelIndex = i });
        }

        return abstractNum;
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
