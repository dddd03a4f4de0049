using DraftingRoom.Core.CommentText;

namespace DraftingRoom.Core.Tests.CommentText;

public class PlainTextWithLinksTests
{
    private static readonly LineBreakRun Br = LineBreakRun.Instance;

    private static PlainTextRun T(string text) => new(text);

    private static LinkRun L(string text) => new(text, text);

    [Fact]
    public void Plain_text_is_one_run()
    {
        Assert.Equal([T("States shall cooperate.")], PlainTextWithLinks.Parse("States shall cooperate."));
    }

    [Fact]
    public void An_empty_comment_has_no_runs()
    {
        Assert.Empty(PlainTextWithLinks.Parse(""));
        Assert.Throws<ArgumentNullException>(() => PlainTextWithLinks.Parse(null!));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<b>bold</b> &amp; <a href=\"https://un.org\">x</a>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("**Markdown** and [a link](javascript:alert(1))")]
    public void Markup_is_text(string comment)
    {
        var runs = PlainTextWithLinks.Parse(comment);

        Assert.Equal(comment, string.Concat(runs.Select(r => r switch
        {
            PlainTextRun t => t.Text,
            LinkRun l => l.Text,
            _ => "\n",
        })));
        Assert.All(runs.OfType<LinkRun>(), l => Assert.StartsWith("https://un.org", l.Href, StringComparison.Ordinal));
    }

    [Fact]
    public void A_script_tag_stays_one_text_run()
    {
        Assert.Equal([T("<script>alert(1)</script>")], PlainTextWithLinks.Parse("<script>alert(1)</script>"));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JavaScript:alert(document.cookie)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("mailto:someone@un.org")]
    [InlineData("ftp://files.un.org/report.pdf")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example/path")]
    [InlineData("javascript:http://un.org")]
    [InlineData("xhttps://un.org")]
    [InlineData("someone@www.un.org")]
    [InlineData("http://")]
    [InlineData("https:// un.org")]
    [InlineData("www.")]
    [InlineData("www. un.org")]
    [InlineData("https://un.org@evil.example/")]
    [InlineData("https://user:password@un.org/")]
    public void Other_schemes_and_lookalikes_are_never_links(string comment)
    {
        Assert.DoesNotContain(PlainTextWithLinks.Parse(comment), r => r is LinkRun);
    }

    [Fact]
    public void Http_and_https_addresses_are_links()
    {
        Assert.Equal(
            [T("See "), L("https://www.ohchr.org/en/solidarity"), T(" and "), L("http://undocs.org/A/HRC/35/35"), T(" now")],
            PlainTextWithLinks.Parse("See https://www.ohchr.org/en/solidarity and http://undocs.org/A/HRC/35/35 now"));
    }

    [Fact]
    public void The_scheme_may_be_in_capitals()
    {
        Assert.Equal([L("HTTPS://UN.ORG/EN")], PlainTextWithLinks.Parse("HTTPS://UN.ORG/EN"));
    }

    [Fact]
    public void A_www_address_links_over_https()
    {
        Assert.Equal(
            [T("see "), new LinkRun("https://www.un.org/en/about-us", "www.un.org/en/about-us"), T(".")],
            PlainTextWithLinks.Parse("see www.un.org/en/about-us."));
    }

    [Theory]
    [InlineData("https://www.ohchr.org/en/search?q=international+solidarity&lang=fr")]
    [InlineData("https://www.ohchr.org/en/search?q=solidarity#results")]
    [InlineData("https://undocs.org/en/A/RES/75/180?view=full&page=2,3")]
    [InlineData("https://example.org/%D8%AA%D8%B6%D8%A7%D9%85%D9%86")]
    [InlineData("https://en.wikipedia.org/wiki/Solidarity_(sociology)")]
    [InlineData("https://un.org:8443/path")]
    [InlineData("https://مثال.إختبار/مسار")]
    public void Whole_addresses_are_linked(string address)
    {
        Assert.Equal([T("Read "), L(address), T(" please")], PlainTextWithLinks.Parse($"Read {address} please"));
    }

    [Theory]
    [InlineData("https://un.org.", ".")]
    [InlineData("https://un.org,", ",")]
    [InlineData("https://un.org;", ";")]
    [InlineData("https://un.org:", ":")]
    [InlineData("https://un.org!", "!")]
    [InlineData("https://un.org?", "?")]
    [InlineData("https://un.org).", ").")]
    [InlineData("https://un.org...", "...")]
    [InlineData("https://un.org'", "'")]
    [InlineData("https://un.org\u2019", "\u2019")]
    [InlineData("https://un.org\u060C", "\u060C")]
    [InlineData("https://un.org\u3002", "\u3002")]
    public void Trailing_punctuation_is_left_out(string written, string trailing)
    {
        var runs = PlainTextWithLinks.Parse(written);

        Assert.Equal([L("https://un.org"), T(trailing)], runs);
    }

    [Fact]
    public void Brackets_around_an_address_are_left_out_and_brackets_inside_it_kept()
    {
        Assert.Equal(
            [T("(see "), L("https://un.org/a"), T(")")],
            PlainTextWithLinks.Parse("(see https://un.org/a)"));
        Assert.Equal(
            [T("(see "), L("https://en.wikipedia.org/wiki/Solidarity_(sociology)"), T(").")],
            PlainTextWithLinks.Parse("(see https://en.wikipedia.org/wiki/Solidarity_(sociology))."));
        Assert.Equal([T("("), L("https://un.org"), T(")")], PlainTextWithLinks.Parse("(https://un.org)"));
        Assert.Equal([T("["), L("https://un.org"), T("]")], PlainTextWithLinks.Parse("[https://un.org]"));
    }

    [Fact]
    public void Quotation_marks_and_angle_brackets_end_an_address()
    {
        Assert.Equal([T("\""), L("https://un.org"), T("\"")], PlainTextWithLinks.Parse("\"https://un.org\""));
        Assert.Equal([T("<"), L("https://un.org"), T(">")], PlainTextWithLinks.Parse("<https://un.org>"));
        Assert.Equal([T("\u00AB"), L("https://un.org"), T("\u00BB")], PlainTextWithLinks.Parse("\u00ABhttps://un.org\u00BB"));
        Assert.Equal([T("'"), L("https://un.org"), T("'")], PlainTextWithLinks.Parse("'https://un.org'"));
        Assert.Equal([L("https://un.org/a"), T("\"onmouseover=\"alert(1)")], PlainTextWithLinks.Parse("https://un.org/a\"onmouseover=\"alert(1)"));
    }

    [Fact]
    public void Arabic_text_around_a_link()
    {
        const string comment = "انظر https://www.ohchr.org/ar/solidarity، وكذلك www.un.org/ar للمزيد.";

        Assert.Equal(
            [
                T("انظر "), L("https://www.ohchr.org/ar/solidarity"), T("، وكذلك "),
                new LinkRun("https://www.un.org/ar", "www.un.org/ar"), T(" للمزيد."),
            ],
            PlainTextWithLinks.Parse(comment));
    }

    [Fact]
    public void Line_breaks_of_every_convention()
    {
        Assert.Equal(
            [T("one"), Br, T("two"), Br, T("three"), Br, T("four"), Br, Br, T("five")],
            PlainTextWithLinks.Parse("one\r\ntwo\nthree\rfour\r\n\r\nfive"));
        Assert.Equal([T("a"), Br, T("b"), Br, T("c")], PlainTextWithLinks.Parse("a\u2028b\u2029c"));
        Assert.Equal([Br], PlainTextWithLinks.Parse("\r\n"));
    }

    [Fact]
    public void A_line_break_ends_an_address()
    {
        Assert.Equal(
            [L("https://un.org/a"), Br, L("https://un.org/b"), Br],
            PlainTextWithLinks.Parse("https://un.org/a\r\nhttps://un.org/b\n"));
    }

    [Fact]
    public void Tabs_and_other_white_space_stay_in_the_text()
    {
        Assert.Equal([T("a\tb\u00A0c  d")], PlainTextWithLinks.Parse("a\tb\u00A0c  d"));
    }

    [Fact]
    public void Very_long_addresses_stay_text()
    {
        var address = "https://un.org/" + new string('a', PlainTextWithLinks.MaxLinkLength);

        Assert.Equal([T(address)], PlainTextWithLinks.Parse(address));
    }
}
