using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Import;

namespace DraftingRoom.Core.Tests.Import;

public class SampleDeclarationTests
{
    private static readonly string SamplePath =
        Path.Combine(TestFiles.RepositoryRoot, "src", "DraftingRoom.Web", "Data", "Seed", "sample-declaration.md");

    [Fact]
    public void The_seed_sample_declaration_parses_into_a_full_draft()
    {
        var document = MarkdownDraftParser.Parse(File.ReadAllText(SamplePath), new DraftImportOptions());

        Assert.NotNull(document.Title);
        Assert.Contains("Sample", document.Title, StringComparison.Ordinal);
        Assert.InRange(document.Preamble.Count(), 8, 12);
        var articles = document.Articles.ToList();
        Assert.True(articles.Count >= 12, $"{articles.Count} articles");
        Assert.All(articles, a => Assert.False(string.IsNullOrWhiteSpace(a.Title), $"Article {a.Number} has no title"));
        Assert.Equal(Enumerable.Range(1, articles.Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), articles.Select(a => a.Number));
        Assert.All(articles, a =>
        {
            var paragraphs = a.Text.Split("\n\n");
            Assert.Contains(paragraphs, p => p.StartsWith("1. ", StringComparison.Ordinal));
            Assert.Contains(paragraphs, p => p.StartsWith("2. ", StringComparison.Ordinal));
        });
    }
}
