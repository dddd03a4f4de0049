using DocumentFormat.OpenXml.Wordprocessing;
using DraftingRoom.Core.Export;
using static DraftingRoom.Core.Tests.Export.WordTestFiles;

namespace DraftingRoom.Core.Tests.Export;

public class DocxVersionExporterTests
{
    [Fact]
    public void A_version_is_laid_out_like_a_un_document_with_real_heading_styles()
    {
        using var docx = Open(s => DocxVersionExporter.Write(ExportSamples.Declaration, s));

        Assert.Empty(Errors(docx));
        var paragraphs = Body(docx).Elements<Paragraph>().ToList();
        var outline = paragraphs.Select(p => (StyleOf(p), Text(p))).ToList();
        Assert.Equal(
            [
                ("DocumentSymbol", "A/HRC/35/35"),
                ("DocumentSymbol", "Draft declaration (2017)"),
                ("DocumentSymbol", "25 April 2017"),
                ("Title", "Draft declaration on the right to international solidarity"),
                ("PreambularParagraph", "The Human Rights Council,"),
                ("PreambularParagraph", "Recalling the Charter of the United Nations and its call for international cooperation,"),
                ("PreambularParagraph", "Bearing in mind that inequalities within and among countries continue to grow,"),
                ("PreambularParagraph", "Deeply concerned by the impact of climate change on the most vulnerable,"),
                ("PreambularParagraph", "Recognizing also the contribution of civil society to solidarity,"),
                ("PreambularParagraph", "Has adopted the following declaration:"),
                ("Heading1", "Article 1"),
                ("Heading2", "The right to international solidarity"),
                ("Normal", "1. Everyone has the right to international solidarity."),
                ("Normal", "2. The right belongs to individuals and to peoples."),
                ("Heading1", "Article 2"),
                ("Heading2", "Definitions"),
                ("Normal", "For the purposes of the present declaration:\n(a) \"solidarity\" means a spirit of unity among peoples;\n(b) \"cooperation\" means action taken together."),
                ("Heading1", "Article 3"),
                ("Normal", "States shall respect, protect and fulfil the right to international solidarity."),
                ("Heading1", "Article 3 bis"),
                ("Heading2", "Participation"),
                ("Normal", "Everyone may take part in actions of solidarity, individually or with others."),
            ],
            outline);

        string[] Italic(Paragraph p) =>
            p.Elements<Run>().Where(r => r.RunProperties?.Italic is not null).Select(r => r.InnerText).ToArray();
        Assert.Empty(Italic(paragraphs[4]));
        Assert.Equal(["Recalling"], Italic(paragraphs[5]));
        Assert.Equal(["Bearing in mind"], Italic(paragraphs[6]));
        Assert.Equal(["Deeply concerned"], Italic(paragraphs[7]));
        Assert.Equal(["Recognizing also"], Italic(paragraphs[8]));
        Assert.Empty(Italic(paragraphs[9]));
        Assert.Equal("Draft declaration on the right to international solidarity", docx.PackageProperties.Title);
        Assert.Equal("Draft declaration (2017)", docx.PackageProperties.Subject);
    }

    [Fact]
    public void The_styles_are_times_new_roman_12_with_outline_levels_for_the_navigation_pane()
    {
        using var docx = Open(s => DocxVersionExporter.Write(ExportSamples.Declaration, s));

        var styles = docx.MainDocumentPart!.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.RunFonts!.Ascii!.Value);
        Assert.Equal("Times New Roman", defaults.RunFonts.ComplexScript!.Value);
        Assert.Equal("24", defaults.FontSize!.Val!.Value);
        Style Style(string id) => styles.Elements<Style>().Single(s => s.StyleId == id);
        Assert.Equal("heading 1", Style("Heading1").StyleName!.Val!.Value);
        Assert.Equal(0, Style("Heading1").StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.Equal("heading 2", Style("Heading2").StyleName!.Val!.Value);
        Assert.Equal(1, Style("Heading2").StyleParagraphProperties!.OutlineLevel!.Val!.Value);
        Assert.NotNull(Style("Heading2").StyleRunProperties!.Bold);
        Assert.Equal(JustificationValues.Center, Style("Heading1").StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(JustificationValues.Center, Style("Title").StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.NotNull(Style("Title").StyleRunProperties!.Bold);
        Assert.Equal(JustificationValues.Both, Style("Normal").StyleParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(JustificationValues.Right, Style("DocumentSymbol").StyleParagraphProperties!.Justification!.Val!.Value);
    }

    [Fact]
    public void Arabic_paragraphs_are_right_to_left_and_chinese_is_kept()
    {
        using var arabic = Open(s => DocxVersionExporter.Write(ExportSamples.Arabic, s));
        using var chinese = Open(s => DocxVersionExporter.Write(ExportSamples.Chinese, s));

        Assert.Empty(Errors(arabic));
        Assert.Empty(Errors(chinese));
        var heading = Body(arabic).Elements<Paragraph>().Single(p => Text(p) == "الحق في التضامن الدولي");
        Assert.NotNull(heading.ParagraphProperties!.BiDi);
        Assert.NotNull(heading.Elements<Run>().Single().RunProperties!.RightToLeftText);
        Assert.Null(Body(arabic).Elements<Paragraph>().First().ParagraphProperties!.BiDi); // the symbol
        Assert.Contains(Body(chinese).Elements<Paragraph>(), p => Text(p) == "人人有权享有国际团结，不受任何形式的歧视。");
        // No symbol date for an undated version, and no italics in scripts that do not use them.
        Assert.DoesNotContain(Body(chinese).Descendants<Italic>(), _ => true);
    }

    [Fact]
    public void Without_a_symbol_there_is_no_masthead()
    {
        var version = ExportSamples.Declaration with { Symbol = null };

        using var docx = Open(s => DocxVersionExporter.Write(version, s));

        Assert.Equal("Title", StyleOf(Body(docx).Elements<Paragraph>().First()));
    }

    [Fact]
    public void The_output_stream_need_not_be_seekable()
    {
        var target = new MemoryStream();
        using (var forwardOnly = new ForwardOnlyStream(target))
        {
            DocxVersionExporter.Write(ExportSamples.Declaration, forwardOnly);
        }

        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(target.ToArray()), false);
        Assert.NotEmpty(Body(docx).Elements<Paragraph>());
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
