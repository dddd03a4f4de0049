using Bunit;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Web.Components.Pages.Declarations;
using DraftingRoom.Web.Declarations;
using Microsoft.Extensions.Localization;
using MudBlazor.Services;

namespace DraftingRoom.Web.Tests.Components;

public sealed class DeclarationReaderTests : BunitContext
{
    public DeclarationReaderTests()
    {
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static DeclarationView Sample(bool isSample = false) => new(
        Guid.NewGuid(), "Draft declaration on the right to international solidarity", "A/HRC/35/35", null, isSample,
        [
            new ProvisionView(Guid.NewGuid(), ProvisionKind.PreambularParagraph, 1, null, null, "Recalling the Charter of the United Nations,", 1),
            new ProvisionView(Guid.NewGuid(), ProvisionKind.PreambularParagraph, 2, null, null, "Reaffirming that all human rights are universal,", 1),
        ],
        [
            new ProvisionView(Guid.NewGuid(), ProvisionKind.Article, 3, "1", "The right to international solidarity",
                "1. International solidarity is a human right.\n\n2. Everyone is entitled to it.", 2),
            new ProvisionView(Guid.NewGuid(), ProvisionKind.Article, 4, "2", null, "States shall cooperate.", 1),
        ]);

    [Fact]
    public void It_shows_the_title_symbol_preamble_and_numbered_articles()
    {
        var cut = Render<DeclarationReader>(p => p.Add(r => r.Declaration, Sample()));

        Assert.Equal("Draft declaration on the right to international solidarity", cut.Find("h1").TextContent);
        Assert.Equal("A/HRC/35/35", cut.Find(".document-symbol").TextContent);
        Assert.Equal(2, cut.FindAll("[data-testid=preambular-paragraph]").Count);
        var headings = cut.FindAll(".article-heading").Select(h => h.TextContent.Trim().Replace("\n", " ")).ToList();
        Assert.StartsWith("Article 1", headings[0]);
        Assert.Contains("The right to international solidarity", headings[0]);
        Assert.StartsWith("Article 2", headings[1]);
        Assert.Equal(2, cut.FindAll("#" + cut.FindAll("[data-testid=article]")[0].Id + " .article-paragraph").Count);
    }

    [Fact]
    public void The_table_of_contents_links_to_the_preamble_and_each_article()
    {
        var declaration = Sample();
        var cut = Render<DeclarationReader>(p => p.Add(r => r.Declaration, declaration).Add(r => r.BasePath, "declarations/x"));

        var links = cut.FindAll("nav.toc a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["declarations/x#preamble", $"declarations/x#article-{declaration.Articles[0].Id}",
            $"declarations/x#article-{declaration.Articles[1].Id}"], links);
    }

    [Fact]
    public void Preambular_paragraphs_open_with_their_participle_in_italics()
    {
        var cut = Render<DeclarationReader>(p => p.Add(r => r.Declaration, Sample()));

        Assert.Equal("Recalling", cut.FindAll(".preambular em")[0].TextContent);
    }

    [Theory]
    [InlineData("Bearing in mind that everyone is entitled,", "Bearing in mind")]
    [InlineData("Recognizing also that the challenges,", "Recognizing also")]
    [InlineData("Deeply concerned that poverty persists,", "Deeply concerned")]
    public void The_opening_phrase_of_a_preambular_paragraph_is_in_italics(string text, string opening)
    {
        var declaration = Sample() with
        {
            Preamble = [new ProvisionView(Guid.NewGuid(), ProvisionKind.PreambularParagraph, 1, null, null, text, 1)],
        };

        var cut = Render<DeclarationReader>(p => p.Add(r => r.Declaration, declaration));

        Assert.Equal(opening, cut.Find(".preambular em").TextContent);
        Assert.Equal(text, cut.Find(".preambular p").TextContent.Trim());
    }

    [Fact]
    public void A_preambular_paragraph_without_an_opening_participle_has_no_italics()
    {
        var declaration = Sample() with
        {
            Preamble = [new ProvisionView(Guid.NewGuid(), ProvisionKind.PreambularParagraph, 1, null, null, "The General Assembly,", 1)],
        };

        var cut = Render<DeclarationReader>(p => p.Add(r => r.Declaration, declaration));

        Assert.Empty(cut.FindAll(".preambular em"));
    }

    [Fact]
    public void Text_with_markup_is_shown_as_text()
    {
        var declaration = Sample() with
        {
            Articles = [new ProvisionView(Guid.NewGuid(), ProvisionKind.Article, 1, "1", "<b>bold</b>", "<script>alert(1)</script>", 1)],
        };

        var cut = Render<DeclarationReader>(p => p.Add(r => r.Declaration, declaration));

        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("&lt;script&gt;", cut.Markup);
    }

    [Fact]
    public void Editing_tools_appear_only_for_editors()
    {
        var reader = Render<DeclarationReader>(p => p.Add(r => r.Declaration, Sample()).Add(r => r.CanEdit, false));
        Assert.Empty(reader.FindAll(".provision-toolbar[role=group]"));

        var editor = Render<DeclarationReader>(p => p.Add(r => r.Declaration, Sample()).Add(r => r.CanEdit, true));
        Assert.Equal(4, editor.FindAll(".provision-toolbar[role=group]").Count);
        Assert.NotNull(editor.Find("button[aria-label='Edit Article 1']"));
    }

    [Fact]
    public void A_sample_is_marked_as_such()
    {
        var cut = Render<DeclarationReader>(p => p.Add(r => r.Declaration, Sample(isSample: true)));

        Assert.Contains("not an official document", cut.Find(".sample-banner").TextContent);
    }
}
