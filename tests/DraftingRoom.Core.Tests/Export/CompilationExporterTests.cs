using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using DraftingRoom.Core.Export;
using static DraftingRoom.Core.Tests.Export.WordTestFiles;

namespace DraftingRoom.Core.Tests.Export;

public class CompilationExporterTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 27, 15, 45, 0, TimeSpan.FromHours(1));

    private static CompilationEntry Entry(string article, int order, string stakeholder, string organisation, string text, int day = 0, string kind = "comment") =>
        new(article, order, kind, stakeholder, organisation, "A. Delegate", Day.AddDays(day), "Submitted", text);

    private static readonly CompilationDocument Compilation = new(
        "Compilation of comments on the draft declaration",
        "First round, 2026",
        [
            Entry("Article 2", 2, "CivilSocietyOrganisation", "Global Solidarity Network", "Add a reference to future generations."),
            Entry("Article 1", 1, "Secretariat", "OHCHR", "Editorial: align with the Charter."),
            Entry("Article 1", 1, "MemberState", "Republic of Serrania", "Replace \"shall\" by \"should\".", day: 1, kind: "proposal"),
            Entry("Article 1", 1, "Member States", "Kingdom of Nordvall", "Support the article as drafted.\n\nWe suggest a shorter title."),
            Entry("Article 1", 1, "NationalHumanRightsInstitution", "National Human Rights Commission of Amaria", "Mention NHRIs."),
            Entry("Article 1", 1, "UnEntityOrIntergovernmentalOrganisation", "UNDP", "Link to the 2030 Agenda."),
            Entry("Article 1", 1, "AcademicOrExpert", "Institute of International Law Studies", "Clarify the holders of the right."),
            Entry("Article 1", 1, "ObserverState", "State of Observia", "No objection."),
            Entry("Preambular paragraph 2", 0, "MemberState", "جمهورية أمارية", "نقترح إضافة إشارة إلى الحق في التنمية."),
            Entry("Article 2", 2, "MemberState", "中华国", "建议增加关于南南合作的内容。"),
        ]);

    [Fact]
    public void The_word_compilation_groups_entries_by_provision_then_stakeholder_kind_in_the_un_order()
    {
        using var docx = Open(s => CompilationExporter.WriteDocx(Compilation, s));

        Assert.Empty(Errors(docx));
        var outline = Body(docx).Elements<Paragraph>()
            .Where(p => StyleOf(p) is "Title" or "Subtitle" or "Heading1" or "Heading2" or "EntryHeading")
            .Select(p => $"{StyleOf(p)}: {Text(p)}")
            .ToList();
        Assert.Equal(
            [
                "Title: Compilation of comments on the draft declaration",
                "Subtitle: First round, 2026",
                "Heading1: Preambular paragraph 2",
                "Heading2: Member States",
                "EntryHeading: جمهورية أمارية — Comment, Submitted, 27 November 2026, A. Delegate",
                "Heading1: Article 1",
                "Heading2: Member States",
                "EntryHeading: Kingdom of Nordvall — Comment, Submitted, 27 November 2026, A. Delegate",
                "EntryHeading: Republic of Serrania — Proposal, Submitted, 28 November 2026, A. Delegate",
                "Heading2: Observer States",
                "EntryHeading: State of Observia — Comment, Submitted, 27 November 2026, A. Delegate",
                "Heading2: United Nations entities and intergovernmental organizations",
                "EntryHeading: UNDP — Comment, Submitted, 27 November 2026, A. Delegate",
                "Heading2: National human rights institutions",
                "EntryHeading: National Human Rights Commission of Amaria — Comment, Submitted, 27 November 2026, A. Delegate",
                "Heading2: Academics and experts",
                "EntryHeading: Institute of International Law Studies — Comment, Submitted, 27 November 2026, A. Delegate",
                "Heading2: Secretariat",
                "EntryHeading: OHCHR — Comment, Submitted, 27 November 2026, A. Delegate",
                "Heading1: Article 2",
                "Heading2: Member States",
                "EntryHeading: 中华国 — Comment, Submitted, 27 November 2026, A. Delegate",
                "Heading2: Civil society organizations",
                "EntryHeading: Global Solidarity Network — Comment, Submitted, 27 November 2026, A. Delegate",
            ],
            outline);

        var paragraphs = Body(docx).Elements<Paragraph>().ToList();
        var nordvall = paragraphs.FindIndex(p => Text(p).StartsWith("Kingdom of Nordvall", StringComparison.Ordinal));
        Assert.Equal(["Support the article as drafted.", "We suggest a shorter title."], paragraphs.Skip(nordvall + 1).Take(2).Select(Text));
        Assert.NotNull(paragraphs[nordvall].Elements<Run>().First().RunProperties!.Bold);
        Assert.Null(paragraphs[nordvall].Elements<Run>().Last().RunProperties?.Bold);
        Assert.NotNull(paragraphs.Single(p => Text(p) == "نقترح إضافة إشارة إلى الحق في التنمية.").ParagraphProperties!.BiDi);
    }

    [Fact]
    public void The_csv_is_utf8_with_a_byte_order_mark_and_rfc_4180_records()
    {
        var bytes = Csv(Compilation);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Provision,Kind,Stakeholder,Organisation,Author,Date (UTC),Status,Text\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var records = ParseCsv(text);
        Assert.All(records, r => Assert.Equal(8, r.Count));
        Assert.Equal(Compilation.Entries.Count + 1, records.Count);
        Assert.Equal(["Preambular paragraph 2", "Comment", "Member States", "جمهورية أمارية", "A. Delegate", "2026-11-27 14:45", "Submitted", "نقترح إضافة إشارة إلى الحق في التنمية."], records[1]);
        Assert.Equal(["Article 1", "Article 1", "Article 1"], records.Skip(2).Take(3).Select(r => r[0]));
        Assert.Equal(["Kingdom of Nordvall", "Republic of Serrania", "State of Observia"], records.Skip(2).Take(3).Select(r => r[3]));
        Assert.Equal("Replace \"shall\" by \"should\".", records[3][7]);
        Assert.Contains("\"Replace \"\"shall\"\" by \"\"should\"\".\"", text, StringComparison.Ordinal);
        Assert.Equal("Support the article as drafted.\n\nWe suggest a shorter title.", records[2][7]);
        Assert.Equal("中华国", records[^2][3]);
        Assert.Equal("Civil society organizations", records[^1][2]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTAB", "'\tTAB")]
    [InlineData("plain text", "plain text")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("", "")]
    [InlineData("Mid-sentence = sign", "Mid-sentence = sign")]
    public void Csv_fields_are_quoted_when_needed_and_never_run_as_formulas(string value, string field)
    {
        Assert.Equal(field, CompilationExporter.CsvField(value));
    }

    [Fact]
    public void Every_text_field_of_an_entry_is_protected_against_formulas()
    {
        var entry = new CompilationEntry("=A1", 1, "-comment", " ", "@Org", "+Author", Day, "=Status", "=1+1");
        var text = Encoding.UTF8.GetString(Csv(new CompilationDocument("T", null, [entry]))[3..]);

        var record = ParseCsv(text)[1];

        Assert.Equal(["'=A1", "'-comment", "Other", "'@Org", "'+Author", "2026-11-27 14:45", "'=Status", "'=1+1"], record);
        // Unknown stakeholder kinds keep their name and come after the known ones.
        Assert.Equal("Other", StakeholderKinds.DisplayName(" "));
        Assert.Equal("Parliamentarians", StakeholderKinds.DisplayName("Parliamentarians"));
        Assert.Equal(StakeholderKinds.InOrder.Count, StakeholderKinds.Rank("Parliamentarians"));
        Assert.Equal(3, StakeholderKinds.Rank("NHRI"));
    }

    private static byte[] Csv(CompilationDocument compilation)
    {
        using var stream = new MemoryStream();
        CompilationExporter.WriteCsv(compilation, stream);
        return stream.ToArray();
    }

    /// <summary>A strict RFC 4180 reader: records end with CRLF; quoted fields may hold commas, quotes and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }
            }
            else if (text[i] == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i += 2;
            }
            else
            {
                Assert.NotEqual('\n', text[i]);
                Assert.NotEqual('"', text[i]);
                field.Append(text[i++]);
            }
        }

        Assert.Empty(record);
        return records;
    }
}
