using System.Xml.Linq;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Export;
using DraftingRoom.Core.Import;
using DraftingRoom.Core.Tests.Import;
using DraftingRoom.Core.Versions;

namespace DraftingRoom.Core.Tests.Export;

public class AkomaNtosoExporterTests
{
    private static readonly XNamespace Akn = AkomaNtosoExporter.NamespaceUri;
    private static readonly AkomaNtosoOptions Options = new(GeneratedOn: new DateOnly(2026, 11, 27));

    public static TheoryData<string> Samples => ["declaration", "arabic", "chinese", "imported", "bare"];

    private static VersionDocument Sample(string name) => name switch
    {
        "declaration" => ExportSamples.Declaration,
        "arabic" => ExportSamples.Arabic,
        "chinese" => ExportSamples.Chinese,
        "imported" => VersionDocument.FromDraft(
            MarkdownDraftParser.Parse(TestFiles.ReadTestData("declaration.md"), new DraftImportOptions()), "Imported draft"),
        // No symbol, date, preamble or titles; numbers missing or repeated.
        _ => ExportSamples.Build("Untitled", null, "Working text", null, [],
            [(null, null, "First."), ("2", null, "1. One.\n\n1. Again."), ("2", null, "Text of a repeated number.")]),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Exports_are_valid_against_the_akoma_ntoso_schema(string sample)
    {
        var xml = AkomaNtosoExporter.WriteString(Sample(sample), Options);

        var problems = AkomaNtosoSchema.Validate(xml);

        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n\n" + xml);
    }

    [Fact]
    public void The_schema_check_finds_what_is_wrong()
    {
        var xml = AkomaNtosoExporter.Write(ExportSamples.Declaration, Options);
        xml.Descendants(Akn + "FRBRExpression").Single().Remove();
        xml.Descendants(Akn + "article").First().SetAttributeValue("eId", "art 1");

        var problems = AkomaNtosoSchema.Validate(xml.ToString());

        Assert.Contains(problems, p => p.Contains("FRBRManifestation", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("eId", StringComparison.Ordinal));
    }

    [Fact]
    public void A_declaration_is_a_statement_with_identification_preface_recitals_and_articles()
    {
        var xml = AkomaNtosoExporter.Write(ExportSamples.Declaration, Options);

        var statement = xml.Root!.Element(Akn + "statement")!;
        Assert.Equal("akomaNtoso", xml.Root.Name.LocalName);
        Assert.Equal("declaration", (string?)statement.Attribute("name"));

        var identification = statement.Element(Akn + "meta")!.Element(Akn + "identification")!;
        const string work = "/akn/un/statement/declaration/2017-04-25/A-HRC-35-35";
        Assert.Equal(work, identification.Element(Akn + "FRBRWork")!.Element(Akn + "FRBRuri")!.Attribute("value")!.Value);
        Assert.Equal(work + "/eng@2017-04-25", identification.Element(Akn + "FRBRExpression")!.Element(Akn + "FRBRuri")!.Attribute("value")!.Value);
        Assert.Equal("2026-11-27", identification.Element(Akn + "FRBRManifestation")!.Element(Akn + "FRBRdate")!.Attribute("date")!.Value);
        Assert.Equal("eng", identification.Descendants(Akn + "FRBRlanguage").Single().Attribute("language")!.Value);

        var preface = statement.Element(Akn + "preface")!;
        Assert.Equal("A/HRC/35/35", preface.Descendants(Akn + "docNumber").Single().Value);
        Assert.Equal(ExportSamples.Declaration.Title, preface.Descendants(Akn + "docTitle").Single().Value);
        Assert.Equal("2017-04-25", preface.Descendants(Akn + "docDate").Single().Attribute("date")!.Value);

        var preamble = statement.Element(Akn + "preamble")!;
        Assert.Equal("The Human Rights Council,", preamble.Elements(Akn + "p").Single().Value);
        var recitals = preamble.Element(Akn + "recitals")!.Elements(Akn + "recital").ToList();
        Assert.Equal(["recs__rec_1", "recs__rec_2", "recs__rec_3", "recs__rec_4"], recitals.Select(r => (string)r.Attribute("eId")!));
        Assert.Equal("Bearing in mind that inequalities within and among countries continue to grow,", recitals[1].Value);
        var formula = preamble.Element(Akn + "formula")!;
        Assert.Equal("enactingFormula", (string?)formula.Attribute("name"));
        Assert.Equal("Has adopted the following declaration:", formula.Value);

        var articles = statement.Element(Akn + "mainBody")!.Elements(Akn + "article").ToList();
        Assert.Equal(["art_1", "art_2", "art_3", "art_3bis"], articles.Select(a => (string)a.Attribute("eId")!));
        Assert.Equal(["Article 1", "Article 2", "Article 3", "Article 3 bis"], articles.Select(a => a.Element(Akn + "num")!.Value));
        Assert.Equal("The right to international solidarity", articles[0].Element(Akn + "heading")!.Value);
        Assert.Null(articles[2].Element(Akn + "heading"));

        var paragraphs = articles[0].Elements(Akn + "paragraph").ToList();
        Assert.Equal(["art_1__para_1", "art_1__para_2"], paragraphs.Select(p => (string)p.Attribute("eId")!));
        Assert.Equal(["1.", "2."], paragraphs.Select(p => p.Element(Akn + "num")!.Value));
        Assert.Equal("Everyone has the right to international solidarity.", paragraphs[0].Element(Akn + "content")!.Element(Akn + "p")!.Value);

        // One unnumbered paragraph: the article's content directly; lines of a paragraph: one <p> each.
        Assert.Equal("States shall respect, protect and fulfil the right to international solidarity.", articles[2].Element(Akn + "content")!.Value);
        Assert.Equal(3, articles[1].Element(Akn + "content")!.Elements(Akn + "p").Count());
    }

    [Fact]
    public void Non_latin_text_is_kept_as_written()
    {
        var arabic = AkomaNtosoExporter.Write(ExportSamples.Arabic, Options with { Language = "ara" });
        var chinese = AkomaNtosoExporter.Write(ExportSamples.Chinese, Options with { Language = "zho" });

        Assert.Equal("الحق في التضامن الدولي", arabic.Descendants(Akn + "heading").First().Value);
        Assert.Equal("لكل فرد الحق في التضامن الدولي.", arabic.Descendants(Akn + "paragraph").First().Element(Akn + "content")!.Value);
        Assert.Equal("ara", arabic.Descendants(Akn + "FRBRlanguage").Single().Attribute("language")!.Value);
        Assert.Equal("人人有权享有国际团结，不受任何形式的歧视。", chinese.Descendants(Akn + "article").First().Element(Akn + "content")!.Value);
        // Without a date, the work is dated by the export.
        Assert.Contains("/2026-11-27/", chinese.Descendants(Akn + "FRBRuri").First().Attribute("value")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Article_ids_stay_unique_when_numbers_are_missing_or_repeated()
    {
        var xml = AkomaNtosoExporter.Write(Sample("bare"), Options);

        var articles = xml.Descendants(Akn + "article").ToList();
        Assert.Equal(["art_1", "art_2", "art_3"], articles.Select(a => (string)a.Attribute("eId")!));
        Assert.Equal(["Article 1", "Article 2", "Article 2"], articles.Select(a => a.Element(Akn + "num")!.Value));
        Assert.Equal(["art_2__para_1", "art_2__para_2"], articles[1].Elements(Akn + "paragraph").Select(p => (string)p.Attribute("eId")!));
    }
}
