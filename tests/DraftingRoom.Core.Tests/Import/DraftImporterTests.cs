using System.Text;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Import;

namespace DraftingRoom.Core.Tests.Import;

public class DraftImporterTests
{
    private static readonly DraftImportOptions Options = new();

    private const string Draft = "# Déclaration\n\nRappelant la Charte des Nations Unies,\n\nArticle 1 — Objet\n\nLa présente déclaration promeut la solidarité « internationale ».";

    private static DraftDocument Import(string fileName, byte[] content) => DraftImporter.Parse(fileName, new MemoryStream(content), Options);

    private static DraftImportException ImportFails(string fileName, byte[] content) =>
        Assert.Throws<DraftImportException>(() => Import(fileName, content));

    [Theory]
    [InlineData("draft.md")]
    [InlineData("draft.markdown")]
    [InlineData("draft.txt")]
    [InlineData("DRAFT.TXT")]
    [InlineData("projet de déclaration.Md")]
    public void Text_files_are_read_as_markdown(string fileName)
    {
        var document = Import(fileName, Encoding.UTF8.GetBytes(Draft));

        Assert.Equal("Déclaration", document.Title);
        Assert.Equal("La présente déclaration promeut la solidarité « internationale ».", Assert.Single(document.Articles).Text);
    }

    [Fact]
    public void Utf8_with_a_byte_order_mark_is_read()
    {
        var document = Import("draft.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Draft)]);

        Assert.Equal("Déclaration", document.Title);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16_with_a_byte_order_mark_is_read(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);

        var document = Import("draft.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(Draft)]);

        Assert.Equal("Déclaration", document.Title);
    }

    [Fact]
    public void Text_in_another_encoding_is_refused_naming_the_line()
    {
        var latin1 = Encoding.Latin1.GetBytes(Draft);

        var error = ImportFails("draft.txt", latin1);

        Assert.Equal(1, error.Line);
        Assert.StartsWith("Line 1: The file is not valid UTF-8 text.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_byte_further_down_is_located()
    {
        byte[] content = [.. "# Draft\r\n\r\nArticle 1\r\n\r\nText "u8, 0xC3, 0x28, .. "\r\n"u8];

        Assert.Equal(5, ImportFails("draft.md", content).Line);
    }

    [Fact]
    public void Binary_content_is_refused_naming_the_line()
    {
        byte[] content = [.. "Article 1\n\nText\n"u8, 0x00, 0x01, 0x02, 0xFF, 0xD8];

        var error = ImportFails("draft.txt", content);

        Assert.Equal("Line 4: The file contains binary data, not text. Import a Markdown, text or Word (.docx) file.", error.Message);
    }

    [Fact]
    public void A_word_document_given_a_text_extension_is_refused_as_binary()
    {
        using var docx = DocxDraftParserTests.BuildDocx(body => body.Append(DocxDraftParserTests.TextParagraph("Article 1")));

        Assert.Contains("binary data", ImportFails("draft.txt", docx.ToArray()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Word_documents_are_read()
    {
        using var docx = DocxDraftParserTests.BuildDocx(body => body.Append(
            DocxDraftParserTests.TextParagraph("Article 1"), DocxDraftParserTests.TextParagraph("Text.")));

        var document = DraftImporter.Parse("Draft.DOCX", docx, Options);

        Assert.Equal("Text.", Assert.Single(document.Articles).Text);
    }

    [Fact]
    public void A_text_file_given_a_docx_extension_is_not_a_valid_word_document()
    {
        Assert.Equal("The file is not a valid Word document (.docx).", ImportFails("draft.docx", Encoding.UTF8.GetBytes(Draft)).Message);
    }

    [Theory]
    [InlineData("draft.pdf", "Files of type \".pdf\" cannot be imported.")]
    [InlineData("draft.odt", "Files of type \".odt\" cannot be imported.")]
    [InlineData("draft", "The file \"draft\" has no extension.")]
    [InlineData("draft.doc", "Word 97-2003 documents (.doc) cannot be imported.")]
    public void Unsupported_formats_are_refused_naming_the_supported_ones(string fileName, string start)
    {
        var error = ImportFails(fileName, Encoding.UTF8.GetBytes(Draft));

        Assert.StartsWith(start, error.Message, StringComparison.Ordinal);
        Assert.Contains("Markdown (.md, .markdown), plain text (.txt) or Word (.docx)", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Line);
    }

    [Fact]
    public void Supported_extensions_are_listed()
    {
        Assert.Equal([".md", ".markdown", ".txt", ".docx"], DraftImporter.SupportedExtensions);
    }
}
