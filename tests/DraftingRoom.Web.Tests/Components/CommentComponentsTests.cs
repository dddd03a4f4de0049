using Bunit;
using DraftingRoom.Web.Components.Comments;
using MudBlazor.Services;

namespace DraftingRoom.Web.Tests.Components;

public sealed class CommentComponentsTests : BunitContext
{
    private const string Text = "1. International solidarity is a human right.\n\n2. Everyone is entitled to it.";

    public CommentComponentsTests()
    {
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Paragraphs_keep_their_offsets_in_the_whole_text()
    {
        var paragraphs = TextHighlights.Split(Text, []);

        Assert.Equal([0, 47], paragraphs.Select(p => p.Offset));
        Assert.Equal("2. Everyone is entitled to it.", paragraphs[1].Segments.Single().Text);
    }

    [Fact]
    public void Overlapping_quotes_split_the_text_into_runs_and_each_quote_is_linked_once()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        // "solidarity is a human" and "a human right.\n\n2. Everyone" (across the paragraphs).
        var solidarity = Text.IndexOf("solidarity", StringComparison.Ordinal);
        var human = Text.IndexOf("a human", StringComparison.Ordinal);
        var everyone = Text.IndexOf("Everyone", StringComparison.Ordinal) + "Everyone".Length;

        var paragraphs = TextHighlights.Split(Text, [new(a, solidarity, human + 7, "A"), new(b, human, everyone, "B")]);

        var first = paragraphs[0].Segments;
        Assert.Equal(["1. International ", "solidarity is ", "a human", " right."], first.Select(s => s.Text));
        Assert.Equal([a], first[1].FirstOf);
        Assert.Equal([b], first[2].FirstOf);
        Assert.Equal(2, first[2].Highlights.Count);
        var second = paragraphs[1].Segments;
        Assert.Equal(["2. Everyone", " is entitled to it."], second.Select(s => s.Text));
        Assert.Empty(second[0].FirstOf);
        Assert.Equal(b, second[0].Highlights.Single().CommentId);
    }

    [Fact]
    public void A_selection_loses_the_white_space_at_its_ends()
    {
        Assert.Equal((3, 16), TextHighlights.Trim(Text, 2, 16));
        Assert.Equal((47, 49), TextHighlights.Trim(Text, 45, 49));
        Assert.Null(TextHighlights.Trim(Text, 45, 47));
        // A drag that starts or stops inside a word quotes the whole word.
        Assert.Equal((3, 27), TextHighlights.Trim(Text, 5, 20));
    }

    [Fact]
    public void The_text_renders_its_paragraphs_with_offsets_and_its_quotes_as_marks_without_extra_characters()
    {
        var id = Guid.NewGuid();
        var start = Text.IndexOf("human right", StringComparison.Ordinal);

        var cut = Render<AnchoredText>(p => p.Add(t => t.ScopeId, "text-1").Add(t => t.Text, Text)
            .Add(t => t.Highlights, [new HighlightSpan(id, start, start + 11, "Commented by Kofi Mensah")]));

        var paragraphs = cut.FindAll("p.article-paragraph");
        Assert.Equal(["0", "47"], paragraphs.Select(p => p.GetAttribute("data-offset")));
        // The paragraphs hold exactly the text's characters: comments.js counts offsets over them.
        Assert.Equal("1. International solidarity is a human right.", paragraphs[0].TextContent);
        var mark = cut.Find("mark.comment-highlight");
        Assert.Equal("human right", mark.TextContent);
        Assert.Equal($"quote-{id}", mark.Id);
        Assert.Equal("Commented by Kofi Mensah", mark.GetAttribute("title"));
    }

    [Fact]
    public void A_comment_shows_markup_as_text_and_links_web_addresses_safely()
    {
        var cut = Render<CommentBody>(p => p.Add(b => b.Text, "<b>bold</b> see https://www.ohchr.org/en\nnext line javascript:alert(1)"));

        Assert.Empty(cut.FindAll("b"));
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", cut.Markup);
        var link = cut.Find("a");
        Assert.Equal("https://www.ohchr.org/en", link.GetAttribute("href"));
        Assert.Contains("noopener", link.GetAttribute("rel"));
        Assert.Single(cut.FindAll("br"));
    }
}
