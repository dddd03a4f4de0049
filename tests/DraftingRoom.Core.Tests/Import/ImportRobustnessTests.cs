using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Import;

namespace DraftingRoom.Core.Tests.Import;

/// <summary>Random documents: the importers either return a well-formed draft or fail with a DraftImportException.</summary>
public class ImportRobustnessTests
{
    private static readonly string[] Fragments =
    [
        "", "", "", "# Draft declaration", "## Preamble", "Preamble", "Article 1", "## Article 2 — Title", "**Article 3**",
        "ARTICLE 4: Scope", "Article 5. Everyone has the right.", "article 6", "Article 3 bis", "Article IV", "### Title",
        "*Emphasised title*", "**Bold line**", "Recalling the Charter,", "States shall cooperate", "in good faith.",
        "1. First paragraph.", "2) Second paragraph", "(a) item;", "- bullet", "* star bullet", "---", "===", "<!-- note",
        "-->", "## Part I", "Annex", "   indented   text  ", "\t", "Статья 7", "国际团结权。", "🕊️ peace", "Article",
        "Article 1 of the Covenant applies.", "__Article 8__", "# ", "#", "**", "*", "_", "Article 9\tTabbed title",
    ];

    [Fact]
    public void Random_text_documents_give_well_formed_drafts_or_import_errors()
    {
        var baseSeed = Environment.TickCount;
        for (var i = 0; i < 2_000; i++)
        {
            var seed = baseSeed + i;
            var random = new Random(seed);
            var lineEnding = random.Next(3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" };
            var text = string.Join(lineEnding, Enumerable.Range(0, random.Next(0, 30)).Select(_ => Fragments[random.Next(Fragments.Length)]));
            try
            {
                CheckWellFormed(MarkdownDraftParser.Parse(text, new DraftImportOptions(MaxProvisionLength: 300)));
            }
            catch (DraftImportException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"Seed {seed}: {ex.Message}\n{text}", ex);
            }
        }
    }

    [Fact]
    public void Damaged_word_documents_give_import_errors_only()
    {
        using var valid = DocxDraftParserTests.BuildDocx(body => body.Append(
            DocxDraftParserTests.TextParagraph("Article 1"), DocxDraftParserTests.TextParagraph("Text.")));
        var bytes = valid.ToArray();
        var baseSeed = Environment.TickCount;
        for (var i = 0; i < 300; i++)
        {
            var seed = baseSeed + i;
            var random = new Random(seed);
            var damaged = (byte[])bytes.Clone();
            for (var flips = random.Next(1, 20); flips > 0; flips--)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            try
            {
                CheckWellFormed(DocxDraftParser.Parse(new MemoryStream(damaged), new DraftImportOptions()));
            }
            catch (DraftImportException)
            {
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"Seed {seed}: {ex.GetType().Name}: {ex.Message}", ex);
            }
        }
    }

    private static void CheckWellFormed(DraftDocument document)
    {
        Assert.NotEmpty(document.Articles);
        Assert.Equal(document.Articles.Count(), document.Articles.Select(a => a.Number).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(document.Provisions, document.Preamble.Concat(document.Articles));
        foreach (var provision in document.Provisions)
        {
            Assert.NotEmpty(provision.Text);
            Assert.Equal(provision.Text.Trim(), provision.Text);
            Assert.DoesNotContain('\r', provision.Text);
            Assert.DoesNotContain("\n\n\n", provision.Text, StringComparison.Ordinal);
            Assert.True(provision.Text.Length <= 300);
            Assert.True(provision.SourceLine >= 1);
            Assert.Equal(provision.Kind == ProvisionKind.Article, provision.Number is not null);
            Assert.True(provision.Title is null || provision.Title.Length > 0 && provision.Title == provision.Title.Trim());
        }
    }
}
