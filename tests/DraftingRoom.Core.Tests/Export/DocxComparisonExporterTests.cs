using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using DraftingRoom.Core.Export;
using DraftingRoom.Core.Versions;
using static DraftingRoom.Core.Tests.Export.WordTestFiles;

namespace DraftingRoom.Core.Tests.Export;

public class DocxComparisonExporterTests
{
    private const string Author = "Independent Expert";
    private static readonly DateTimeOffset When = new(2026, 11, 27, 10, 30, 0, TimeSpan.FromHours(1));

    private static readonly VersionDocument Older = ExportSamples.Declaration;

    private static readonly VersionDocument Newer = ExportSamples.Build(
        "Draft declaration on the right to international solidarity", "A/HRC/38/40", "Revised draft (2018)", new DateOnly(2018, 4, 11),
        [
            "The Human Rights Council,",
            "Recalling the Charter of the United Nations and its call for international cooperation and solidarity,",
            "Deeply concerned by the impact of climate change on the most vulnerable,",
            "Recognizing also the contribution of civil society to solidarity,",
            "Has adopted the following declaration:",
        ],
        [
            ("1", "The right to international solidarity",
                "1. Everyone, individually and collectively, has the right to international solidarity. The right belongs to individuals and to peoples."),
            ("2", "Holders of duties", "States, international organizations and non-State actors bear duties of solidarity.\n\nThe duties are shared."),
            ("3", "Definitions and scope",
                "For the purposes of the present declaration:\n(a) \"solidarity\" means a spirit of unity among peoples;\n(b) \"cooperation\" means action taken jointly."),
            ("4", null, "States shall respect, protect and fulfil the right to international solidarity."),
        ]);

    private static (WordprocessingDocument Docx, VersionComparison Comparison) Export(VersionDocument older, VersionDocument newer)
    {
        var comparison = VersionComparer.Compare(older, newer);
        return (Open(s => DocxComparisonExporter.Write(comparison, s, Author, When)), comparison);
    }

    [Fact]
    public void Changes_are_real_word_tracked_changes_by_the_author()
    {
        var (docx, _) = Export(Older, Newer);
        using var _docx = docx;

        Assert.Empty(Errors(docx));
        var body = Body(docx);
        var insertions = body.Descendants<InsertedRun>().ToList();
        var deletions = body.Descendants<DeletedRun>().ToList();
        Assert.NotEmpty(insertions);
        Assert.NotEmpty(deletions);
        Assert.All(insertions.Cast<RunTrackChangeType>().Concat(deletions), change =>
        {
            Assert.Equal(Author, change.Author!.Value);
            Assert.Equal(When.UtcDateTime, change.Date!.Value);
        });
        Assert.All(deletions, d => Assert.Empty(d.Descendants<Text>()));
        Assert.All(deletions, d => Assert.NotEmpty(d.Descendants<DeletedText>()));
        var ids = body.Descendants().OfType<TrackChangeType>().Select(c => c.Id!.Value)
            .Concat(body.Descendants().OfType<RunTrackChangeType>().Select(c => c.Id!.Value)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.NotNull(docx.MainDocumentPart!.DocumentSettingsPart!.Settings!.GetFirstChild<TrackRevisions>());

        var xml = docx.MainDocumentPart.Document!.OuterXml;
        Assert.Contains("w:author=\"Independent Expert\"", xml, StringComparison.Ordinal);
        Assert.Contains("w:date=\"2026-11-27T09:30:00Z\"", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_every_change_gives_the_new_text_and_rejecting_every_change_the_old_one()
    {
        var (docx, comparison) = Export(Older, Newer);
        using var _docx = docx;

        Assert.Contains(comparison.Provisions, p => p.Kinds.HasFlag(ArticleMatchKinds.Added));
        Assert.Contains(comparison.Provisions, p => p.Kinds.HasFlag(ArticleMatchKinds.Removed));
        Assert.Contains(comparison.Provisions, p => p.Kinds.HasFlag(ArticleMatchKinds.Renumbered));
        foreach (var provision in comparison.Provisions)
        {
            var (titles, text) = Section(docx, provision.Label);
            Assert.Equal(provision.Match.NewText, Accepted(text));
            Assert.Equal(provision.Match.OldText, Rejected(text));
            Assert.Equal(provision.Title.NewText, Accepted(titles));
            Assert.Equal(provision.Title.OldText, Rejected(titles));
        }
    }

    [Fact]
    public void Added_articles_are_entirely_insertions_and_removed_ones_entirely_deletions()
    {
        var older = ExportSamples.Build("T", null, "1", null, [], [("1", "Kept", "Kept text."), ("2", "Gone", "This article goes away entirely.\n\nWith its second paragraph.")]);
        var newer = ExportSamples.Build("T", null, "2", null, [], [("1", "Kept", "Kept text."), ("2", "Fresh", "A wholly new article about something else.\n\nIn two paragraphs.")]);
        var (docx, _) = Export(older, newer);
        using var _docx = docx;

        var (removedTitle, removed) = Section(docx, "Article 2 (removed)");
        Assert.All(removed.Concat(removedTitle), p => Assert.Empty(p.Descendants<Text>()));
        Assert.NotNull(removed[0].ParagraphProperties!.ParagraphMarkRunProperties!.GetFirstChild<Deleted>());
        var (addedTitle, added) = Section(docx, "Article 2 (new)");
        Assert.All(added.Concat(addedTitle), p => Assert.Empty(p.Elements<Run>()));
        Assert.Equal("A wholly new article about something else.", string.Concat(added[0].Descendants<InsertedRun>().Select(r => r.InnerText)));
        Assert.NotNull(added[0].ParagraphProperties!.ParagraphMarkRunProperties!.GetFirstChild<Inserted>());
        var (_, kept) = Section(docx, "Article 1");
        Assert.Empty(kept.Single().Descendants<InsertedRun>());
        Assert.Empty(kept.Single().Descendants<DeletedRun>());
    }

    [Fact]
    public void The_document_names_the_versions_and_sums_up_the_changes()
    {
        var (docx, comparison) = Export(Older, Newer);
        using var _docx = docx;

        var paragraphs = Body(docx).Elements<Paragraph>().ToList();
        Assert.Equal("Title", StyleOf(paragraphs[0]));
        Assert.Equal(
            "Changes from Draft declaration (2017), A/HRC/35/35, 25 April 2017 to Revised draft (2018), A/HRC/38/40, 11 April 2018",
            Text(paragraphs[1]));
        Assert.Equal(DocxComparisonExporter.Summarise(comparison.Summary), Text(paragraphs[2]));
        Assert.StartsWith("Articles: ", Text(paragraphs[2]), StringComparison.Ordinal);
        Assert.Equal(
            comparison.Provisions.Select(p => p.Label),
            paragraphs.Where(p => StyleOf(p) == "Heading1").Select(Text));
    }

    [Fact]
    public void Identical_versions_give_a_document_without_tracked_changes()
    {
        var (docx, comparison) = Export(Older, Older);
        using var _docx = docx;

        Assert.Empty(Body(docx).Descendants<InsertedRun>());
        Assert.Empty(Body(docx).Descendants<DeletedRun>());
        Assert.Equal("The two versions are identical.", Text(Body(docx).Elements<Paragraph>().ElementAt(2)));
        Assert.False(comparison.HasDifferences);
    }

    [Fact]
    public void Arabic_and_chinese_changes_are_tracked_too()
    {
        var arabic = ExportSamples.Arabic with
        {
            Provisions = ExportSamples.Arabic.Provisions.Select(p => p.Number == "2" ? p with { Text = "تتحمل الدول والمنظمات الدولية المسؤولية الأساسية عن إعمال الحق." } : p).ToList(),
        };
        var chinese = ExportSamples.Chinese with
        {
            Provisions = ExportSamples.Chinese.Provisions.Select(p => p.Number == "1" ? p with { Text = "人人有权享有国际团结。" } : p).ToList(),
        };

        foreach (var (older, newer) in new[] { (ExportSamples.Arabic, arabic), (ExportSamples.Chinese, chinese) })
        {
            var (docx, comparison) = Export(older, newer);
            using var _docx = docx;
            Assert.Empty(Errors(docx));
            var changed = Assert.Single(comparison.Changed);
            var (_, text) = Section(docx, changed.Label);
            Assert.Equal(changed.Match.NewText, Accepted(text));
            Assert.Equal(changed.Match.OldText, Rejected(text));
        }
    }

    /// <summary>The title paragraphs and the text paragraphs under the heading with the given label.</summary>
    private static (List<Paragraph> Titles, List<Paragraph> Text) Section(WordprocessingDocument docx, string label)
    {
        var section = Body(docx).Elements<Paragraph>()
            .SkipWhile(p => !(StyleOf(p) == "Heading1" && Text(p) == label)).Skip(1)
            .TakeWhile(p => StyleOf(p) != "Heading1")
            .ToList();
        return (section.Where(p => StyleOf(p) == "Heading2").ToList(), section.Where(p => StyleOf(p) != "Heading2").ToList());
    }

    /// <summary>The text with every change accepted: inserted text kept, deleted text and deleted paragraph marks dropped.</summary>
    private static string Accepted(List<Paragraph> paragraphs) => Read(paragraphs, accept: true);

    /// <summary>The text with every change rejected: deleted text kept, inserted text and inserted paragraph marks dropped.</summary>
    private static string Rejected(List<Paragraph> paragraphs) => Read(paragraphs, accept: false);

    private static string Read(List<Paragraph> paragraphs, bool accept)
    {
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            foreach (var element in paragraphs[i].Descendants())
            {
                var inserted = element.Ancestors<InsertedRun>().Any();
                var deleted = element.Ancestors<DeletedRun>().Any();
                if ((accept && deleted) || (!accept && inserted))
                {
                    continue;
                }

                text.Append(element switch
                {
                    Text t => t.Text,
                    DeletedText d => d.Text,
                    Break => "\n",
                    _ => "",
                });
            }

            var mark = paragraphs[i].ParagraphProperties?.ParagraphMarkRunProperties;
            var joined = accept ? mark?.GetFirstChild<Deleted>() is not null : mark?.GetFirstChild<Inserted>() is not null;
            if (i < paragraphs.Count - 1 && !joined)
            {
                text.Append("\n\n");
            }
        }

        return text.ToString();
    }
}
