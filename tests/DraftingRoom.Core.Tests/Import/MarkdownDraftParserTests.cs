using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Import;

namespace DraftingRoom.Core.Tests.Import;

public class MarkdownDraftParserTests
{
    private static readonly DraftImportOptions Options = new();

    private static DraftDocument Parse(string text) => MarkdownDraftParser.Parse(text, Options);

    private static DraftImportException ParseFails(string text) => Assert.Throws<DraftImportException>(() => Parse(text));

    private static string Lines(params string[] lines) => string.Join("\n", lines);

    [Fact]
    public void A_realistic_markdown_draft_gives_title_preamble_and_articles()
    {
        var document = Parse(TestFiles.ReadTestData("declaration.md"));

        Assert.Equal("Draft declaration on international solidarity", document.Title);
        var preamble = document.Preamble.ToList();
        Assert.Equal(4, preamble.Count);
        Assert.Equal(
            "Recalling the Charter of the United Nations and its call for international cooperation in solving problems of an economic, social, cultural or humanitarian character,",
            preamble[0].Text);
        Assert.Equal(5, preamble[0].SourceLine);
        Assert.Equal("Has adopted the following declaration:", preamble[3].Text);
        Assert.All(preamble, p => Assert.Null(p.Number));

        var articles = document.Articles.ToList();
        Assert.Equal(["1", "2", "3", "3 bis", "4"], articles.Select(a => a.Number));
        Assert.Equal(
            ["The right to international solidarity", "Definitions", "Duties of States", "Participation", "Final provisions"],
            articles.Select(a => a.Title));
        Assert.Equal(
            "1. Everyone has the right to international solidarity.\n\n2. The right belongs to individuals and to peoples.",
            articles[0].Text);
        Assert.Equal(15, articles[0].SourceLine);
        Assert.Equal(
            "For the purposes of the present declaration:\n- \"solidarity\" means a spirit of unity among peoples;\n- \"cooperation\" means action taken together.",
            articles[1].Text);
    }

    [Fact]
    public void A_section_after_the_last_article_stays_in_that_article()
    {
        var last = Parse(TestFiles.ReadTestData("declaration.md")).Articles.Last();

        Assert.Equal(
            "Nothing in this declaration shall be read as restricting rights recognized elsewhere.\n\nAnnex\n\nThe annex lists the instruments referred to in article 4.",
            last.Text);
    }

    [Fact]
    public void Plain_text_with_capitalised_articles_and_titles_on_the_next_line()
    {
        var document = Parse(TestFiles.ReadTestData("plain-capitals.txt"));

        Assert.Equal("DRAFT DECLARATION ON THE RIGHT TO INTERNATIONAL SOLIDARITY", document.Title);
        Assert.Equal(
            ["The General Assembly,", "Recognizing that solidarity is a fundamental value of international relations,", "Convinced that no State can meet global challenges alone,"],
            document.Preamble.Select(p => p.Text));
        var articles = document.Articles.ToList();
        Assert.Equal(["1", "2", "3"], articles.Select(a => a.Number));
        Assert.Equal(["Scope", "Obligations of States", "Follow-up"], articles.Select(a => a.Title));
        Assert.Equal(
            "1. This declaration applies to States and international organizations.\n\n2. It applies in time of peace and in time of emergency.",
            articles[0].Text);
        Assert.Equal(
            "1. States shall cooperate in good faith.\n(a) by sharing knowledge;\n(b) by sharing resources.\n\n2. States shall report on the measures taken.",
            articles[1].Text);
        Assert.Equal("The Human Rights Council shall review the implementation of this declaration.", articles[2].Text);
    }

    [Fact]
    public void Windows_line_endings_are_normalised()
    {
        var text = TestFiles.ReadTestData("crlf-windows.txt");
        Assert.Contains("\r\n", text);

        var document = Parse(text);

        Assert.Equal("Draft declaration (Windows line endings)", document.Title);
        var articles = document.Articles.ToList();
        Assert.Equal("Purpose", articles[0].Title);
        Assert.Equal("This declaration promotes solidarity between peoples.\n\nSecond paragraph of article 1.", articles[0].Text);
        Assert.Equal(5, articles[0].SourceLine);
        Assert.Null(articles[1].Title);
        Assert.Equal("States shall cooperate.", articles[1].Text);
        Assert.DoesNotContain(document.Provisions, p => p.Text.Contains('\r'));
    }

    [Fact]
    public void Old_mac_line_endings_are_normalised()
    {
        var document = Parse("Article 1\r\rFirst line\rsecond line.");

        Assert.Equal("First line second line.", Assert.Single(document.Provisions).Text);
    }

    [Theory]
    [InlineData("Article 1 — The right", "1", "The right")]
    [InlineData("Article 1 – The right", "1", "The right")]
    [InlineData("Article 1 - The right", "1", "The right")]
    [InlineData("Article 1: The right", "1", "The right")]
    [InlineData("Article 1. The right", "1", "The right")]
    [InlineData("Article 1.", "1", null)]
    [InlineData("Article 12", "12", null)]
    [InlineData("article 7", "7", null)]
    [InlineData("ARTICLE 7", "7", null)]
    [InlineData("Article 3 bis", "3 bis", null)]
    [InlineData("Article 3bis — Cooperation", "3 bis", "Cooperation")]
    [InlineData("Article 3 TER", "3 ter", null)]
    [InlineData("Article 3 quater: Follow-up", "3 quater", "Follow-up")]
    [InlineData("Article IV", "IV", null)]
    [InlineData("Article XII — Final clauses", "XII", "Final clauses")]
    [InlineData("**Article 1**", "1", null)]
    [InlineData("**Article 1** — The right", "1", "The right")]
    [InlineData("**Article 1 — The right**", "1", "The right")]
    [InlineData("__Article 1__", "1", null)]
    [InlineData("# Article 1", "1", null)]
    [InlineData("## Article 1 The right", "1", "The right")]
    [InlineData("###### Article 1: The right ##", "1", "The right")]
    [InlineData("## **Article 1** *The right*", "1", "The right")]
    [InlineData("Article 1\tThe right", "1", "The right")]
    [InlineData("Artículo 1 — El derecho", "1", "El derecho")]
    [InlineData("Статья 1", "1", null)]
    public void Article_headings(string heading, string number, string? title)
    {
        var article = Assert.Single(Parse(Lines(heading, "", "Some text.")).Articles);

        Assert.Equal(number, article.Number);
        Assert.Equal(title, article.Title);
        Assert.Equal("Some text.", article.Text);
    }

    [Fact]
    public void A_setext_heading_is_a_heading()
    {
        var document = Parse(Lines("Draft declaration", "=================", "", "Article 1", "---------", "", "Text."));

        Assert.Equal("Draft declaration", document.Title);
        Assert.Equal("1", Assert.Single(document.Articles).Number);
    }

    [Theory]
    [InlineData("Article 5 of the Covenant applies.")]
    [InlineData("Articles 1 and 2 apply.")]
    [InlineData("Article 12a applies.")]
    [InlineData("Article Civil rights apply.")]
    [InlineData("- Article 1")]
    [InlineData("Article one applies.")]
    public void Prose_mentioning_articles_does_not_start_one(string line)
    {
        var document = Parse(Lines("Article 1", "", line, "", "End."));

        Assert.Equal(line + "\n\nEnd.", Assert.Single(document.Articles).Text);
    }

    [Fact]
    public void A_reference_in_a_wrapped_line_does_not_start_an_article()
    {
        var document = Parse(Lines("Article 1", "", "States shall apply the standards of", "article 5", "of the Covenant."));

        Assert.Equal("States shall apply the standards of article 5 of the Covenant.", Assert.Single(document.Articles).Text);
    }

    [Fact]
    public void A_capitalised_heading_after_a_finished_sentence_starts_an_article_inside_a_paragraph()
    {
        var document = Parse(Lines("Article 1", "First article.", "Article 2", "Second article.", "ARTICLE 3 — Title", "Third article."));

        Assert.Equal(["First article.", "Second article.", "Third article."], document.Articles.Select(a => a.Text));
        Assert.Equal([1, 3, 5], document.Articles.Select(a => a.SourceLine));
    }

    [Theory]
    [InlineData("Article 5.")]
    [InlineData("Article 5")]
    [InlineData("article 5.")]
    public void A_reference_wrapped_onto_its_own_line_stays_prose(string line)
    {
        var document = Parse(Lines("Article 1", "", "States shall respect the rights set out in", line));

        Assert.Equal($"States shall respect the rights set out in {line}", Assert.Single(document.Articles).Text);
    }

    [Fact]
    public void Text_on_the_heading_line_is_the_first_sentence_when_it_reads_as_a_sentence()
    {
        var document = Parse(Lines(
            "Article 1. Everyone has the right to international solidarity.",
            "Article 2: States shall cooperate with one another in good faith, in all matters covered by this declaration",
            "",
            "Second paragraph."));

        var articles = document.Articles.ToList();
        Assert.Null(articles[0].Title);
        Assert.Equal("Everyone has the right to international solidarity.", articles[0].Text);
        Assert.Null(articles[1].Title);
        Assert.Equal(
            "States shall cooperate with one another in good faith, in all matters covered by this declaration\n\nSecond paragraph.",
            articles[1].Text);
    }

    [Theory]
    [InlineData("The right to solidarity", "The right to solidarity")]
    [InlineData("**The right to solidarity**", "The right to solidarity")]
    [InlineData("*The right to solidarity*", "The right to solidarity")]
    [InlineData("### The right to solidarity", "The right to solidarity")]
    public void A_title_on_its_own_line_after_the_heading(string titleLine, string title)
    {
        var article = Assert.Single(Parse(Lines("## Article 1", "", titleLine, "", "Everyone has the right.")).Articles);

        Assert.Equal(title, article.Title);
        Assert.Equal("Everyone has the right.", article.Text);
    }

    [Fact]
    public void A_title_directly_under_the_heading_must_be_followed_by_a_blank_line()
    {
        var titled = Assert.Single(Parse(Lines("Article 1", "The right to solidarity", "", "Everyone has the right.")).Articles);
        var wrapped = Assert.Single(Parse(Lines("Article 1", "Everyone has the right", "to solidarity.")).Articles);

        Assert.Equal("The right to solidarity", titled.Title);
        Assert.Null(wrapped.Title);
        Assert.Equal("Everyone has the right to solidarity.", wrapped.Text);
    }

    [Theory]
    [InlineData("States shall cooperate.")]
    [InlineData("States shall cooperate as follows:")]
    [InlineData("1. States shall cooperate")]
    [InlineData("the right to solidarity")]
    [InlineData("A line that is far too long to be the title of an article, since titles are short and to the point")]
    public void Lines_that_read_as_text_are_not_titles(string line)
    {
        var article = Assert.Single(Parse(Lines("Article 1", "", line, "", "More text.")).Articles);

        Assert.Null(article.Title);
        Assert.StartsWith(line, article.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_line_is_the_text_when_nothing_follows_it()
    {
        var article = Assert.Single(Parse(Lines("Article 1", "", "States shall cooperate")).Articles);

        Assert.Null(article.Title);
        Assert.Equal("States shall cooperate", article.Text);
    }

    [Fact]
    public void Numbered_paragraphs_and_list_items_keep_their_lines()
    {
        var article = Assert.Single(Parse(Lines(
            "Article 1",
            "",
            "1. States shall:",
            "   (a) cooperate;",
            "   (b) report;",
            "   - to the Council;",
            "   * and to the Assembly.",
            "2. Organizations",
            "shall assist.")).Articles);

        Assert.Equal(
            "1. States shall:\n(a) cooperate;\n(b) report;\n- to the Council;\n* and to the Assembly.\n\n2. Organizations shall assist.",
            article.Text);
    }

    [Fact]
    public void Spaces_and_tabs_are_collapsed_and_emphasis_markers_are_removed()
    {
        var article = Assert.Single(Parse(Lines("Article 1", "", "States   shall\t*respect*   the **right**.  ")).Articles);

        Assert.Equal("States shall respect the right.", article.Text);
    }

    [Fact]
    public void Markdown_emphasis_wrapping_a_whole_text_line_is_removed_from_the_text()
    {
        var article = Assert.Single(Parse(Lines("Article 1", "", "**States shall cooperate.**")).Articles);

        Assert.Equal("States shall cooperate.", article.Text);
    }

    [Fact]
    public void A_title_is_optional()
    {
        var document = Parse(Lines("Recalling the Charter,", "", "Article 1", "", "Text."));

        Assert.Null(document.Title);
        Assert.Equal("Recalling the Charter,", Assert.Single(document.Preamble).Text);
    }

    [Theory]
    [InlineData("Draft declaration on solidarity", "Draft declaration on solidarity")]
    [InlineData("**Draft declaration on solidarity**", "Draft declaration on solidarity")]
    [InlineData("## Draft declaration on solidarity", "Draft declaration on solidarity")]
    public void The_first_line_is_the_title_when_it_reads_as_one(string line, string title)
    {
        var document = Parse(Lines(line, "", "Recalling the Charter,", "", "Article 1", "", "Text."));

        Assert.Equal(title, document.Title);
        Assert.Single(document.Preamble);
    }

    [Theory]
    [InlineData("The General Assembly,")]
    [InlineData("Recalling the Charter of the United Nations.")]
    [InlineData("the draft declaration")]
    public void The_first_line_is_a_preambular_paragraph_when_it_does_not_read_as_a_title(string line)
    {
        var document = Parse(Lines(line, "", "Article 1", "", "Text."));

        Assert.Null(document.Title);
        Assert.Equal(line, Assert.Single(document.Preamble).Text);
    }

    [Fact]
    public void A_first_line_followed_by_more_lines_of_its_paragraph_is_not_a_title()
    {
        var document = Parse(Lines("Draft declaration", "on solidarity", "", "Article 1", "", "Text."));

        Assert.Null(document.Title);
        Assert.Equal("Draft declaration on solidarity", Assert.Single(document.Preamble).Text);
    }

    [Theory]
    [InlineData("## Preamble")]
    [InlineData("Preamble")]
    [InlineData("PREAMBLE:")]
    [InlineData("**Preamble**")]
    public void A_preamble_heading_is_skipped(string heading)
    {
        var document = Parse(Lines("# Draft", "", heading, "", "Recalling the Charter,", "", "Article 1", "", "Text."));

        Assert.Equal("Draft", document.Title);
        Assert.Equal("Recalling the Charter,", Assert.Single(document.Preamble).Text);
    }

    [Fact]
    public void Part_and_chapter_headings_are_dropped()
    {
        var document = Parse(Lines(
            "# Draft", "", "## Part I — General provisions", "", "## Article 1", "", "Text one.",
            "", "## Part II", "", "## Article 2", "", "Text two."));

        Assert.Empty(document.Preamble);
        Assert.Equal(["Text one.", "Text two."], document.Articles.Select(a => a.Text));
    }

    [Fact]
    public void Thematic_breaks_and_html_comments_are_ignored()
    {
        var document = Parse(Lines("# Draft", "<!-- a note", "over two lines -->", "---", "Article 1", "", "Text. <!-- inline -->"));

        Assert.Equal("Text. <!-- inline -->", Assert.Single(document.Provisions).Text);
    }

    [Fact]
    public void Article_numbers_out_of_order_are_kept()
    {
        var document = Parse(Lines("Article 3", "", "Third.", "", "Article 1", "", "First.", "", "Article 2", "", "Second."));

        Assert.Equal(["3", "1", "2"], document.Articles.Select(a => a.Number));
    }

    [Fact]
    public void A_byte_order_mark_is_ignored()
    {
        var document = Parse("\uFEFF# Draft\n\nArticle 1\n\nText.");

        Assert.Equal("Draft", document.Title);
    }

    [Fact]
    public void Provisions_have_no_surrounding_white_space_and_no_empty_paragraphs()
    {
        var document = Parse(Lines("Article 1", "", "", "", "   First.   ", "", "", "", "  Second.", "", ""));

        Assert.Equal("First.\n\nSecond.", Assert.Single(document.Provisions).Text);
    }

    [Fact]
    public void No_article_is_an_error()
    {
        var error = ParseFails(TestFiles.ReadTestData("no-articles.md"));

        Assert.Equal("No line starting an article (such as \"Article 1\") was found.", error.Message);
        Assert.Null(error.Line);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    public void An_empty_document_has_no_article(string text)
    {
        Assert.StartsWith("No line starting an article", ParseFails(text).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_article_number_is_an_error_naming_both_lines()
    {
        var error = ParseFails(TestFiles.ReadTestData("duplicate-numbers.md"));

        Assert.Equal(13, error.Line);
        Assert.Equal("Line 13: Article 2 appears twice; it already starts at line 9.", error.Message);
    }

    [Fact]
    public void Duplicate_numbers_are_compared_after_normalisation()
    {
        var error = ParseFails(Lines("Article 3bis", "", "One.", "", "Article 3 BIS", "", "Two."));

        Assert.Equal(5, error.Line);
        Assert.Contains("Article 3 bis appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_without_text_is_an_error()
    {
        var error = ParseFails(TestFiles.ReadTestData("empty-article.md"));

        Assert.Equal("Line 7: Article 2 has no text.", error.Message);
        Assert.Equal(7, error.Line);
        Assert.Equal("Article 2 has no text.", error.Reason);
    }

    [Fact]
    public void An_article_at_the_end_without_text_is_an_error()
    {
        Assert.Equal("Line 5: Article 2 has no text.", ParseFails(Lines("Article 1", "", "Text.", "", "Article 2 — Title")).Message);
    }

    [Fact]
    public void A_provision_longer_than_the_limit_is_an_error()
    {
        var longText = string.Join(" ", Enumerable.Repeat("solidarity", 30));
        var options = new DraftImportOptions(MaxProvisionLength: 200);

        var article = Assert.Throws<DraftImportException>(() => MarkdownDraftParser.Parse(Lines("Article 1", "", "Short.", "", "Article 2", "", longText), options));
        var preamble = Assert.Throws<DraftImportException>(() => MarkdownDraftParser.Parse(Lines("# T", "", longText, "", "Article 1", "", "Short."), options));

        Assert.Equal("Line 5: Article 2 is 329 characters long, more than the limit of 200.", article.Message);
        Assert.Equal(3, preamble.Line);
        Assert.StartsWith("Line 3: This preambular paragraph is 329 characters long", preamble.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provision_at_the_limit_is_accepted()
    {
        var text = new string('a', 199) + ".";

        var article = Assert.Single(MarkdownDraftParser.Parse(Lines("Article 1", "", text), new DraftImportOptions(200)).Articles);

        Assert.Equal(200, article.Text.Length);
    }

    [Theory]
    [InlineData('\0')]
    [InlineData('\u0001')]
    [InlineData('\u001B')]
    public void Control_characters_mean_binary_content(char control)
    {
        var error = ParseFails(Lines("# Draft", "", "Article 1", $"Te{control}xt."));

        Assert.Equal(4, error.Line);
        Assert.StartsWith("Line 4: The file contains binary data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_feeds_and_vertical_tabs_are_white_space()
    {
        var article = Assert.Single(Parse(Lines("Article 1", "", "One\vtwo.", "\f")).Articles);

        Assert.Equal("One two.", article.Text);
    }
}
