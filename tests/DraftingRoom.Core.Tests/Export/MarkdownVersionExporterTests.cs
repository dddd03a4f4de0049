using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Export;
using DraftingRoom.Core.Import;
using DraftingRoom.Core.Tests.Import;
using DraftingRoom.Core.Versions;

namespace DraftingRoom.Core.Tests.Export;

public class MarkdownVersionExporterTests
{
    public static TheoryData<string> Samples => ["declaration", "arabic", "chinese", "imported"];

    private static VersionDocument Sample(string name) => name switch
    {
        "declaration" => ExportSamples.Declaration,
        "arabic" => ExportSamples.Arabic,
        "chinese" => ExportSamples.Chinese,
        _ => VersionDocument.FromDraft(MarkdownDraftParser.Parse(TestFiles.ReadTestData("declaration.md"), new DraftImportOptions()), "Imported"),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_markdown_importer_reads_an_export_back_to_the_same_provisions(string sample)
    {
        var version = Sample(sample);

        var markdown = MarkdownVersionExporter.Write(version);
        var draft = MarkdownDraftParser.Parse(markdown, new DraftImportOptions());

        Assert.Equal(version.Title, draft.Title);
        Assert.Equal(
            version.Ordered.Select(p => (p.Kind, p.Number, p.Title, p.Text)),
            draft.Provisions.Select(p => (p.Kind, p.Number, p.Title, p.Text)));
    }

    [Fact]
    public void An_export_has_the_metadata_in_a_comment_headings_and_italic_openings()
    {
        var markdown = MarkdownVersionExporter.Write(ExportSamples.Declaration);

        Assert.StartsWith("<!-- A/HRC/35/35 · Draft declaration (2017) · 2017-04-25 -->\n\n# Draft declaration on the right to international solidarity\n\n## Preamble\n\nThe Human Rights Council,\n\n*Recalling* the Charter", markdown, StringComparison.Ordinal);
        Assert.Contains("\n*Bearing in mind* that inequalities", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## Article 1 — The right to international solidarity\n\n1. Everyone has the right to international solidarity.\n\n2. The right", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## Article 3\n\nStates shall", markdown, StringComparison.Ordinal);
        Assert.Contains("\n## Article 3 bis — Participation\n", markdown, StringComparison.Ordinal);
        Assert.EndsWith("individually or with others.\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_compared_with_its_own_markdown_export_has_no_differences()
    {
        var version = ExportSamples.Declaration;
        var reread = VersionDocument.FromDraft(MarkdownDraftParser.Parse(MarkdownVersionExporter.Write(version), new DraftImportOptions()), "Reread");

        Assert.False(VersionComparer.Compare(version, reread).HasDifferences);
    }
}
