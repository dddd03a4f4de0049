using DraftingRoom.Core.Anchors;

namespace DraftingRoom.Core.Tests.Anchors;

public class TextAnchorTests
{
    private const string Text = "States shall cooperate with each other.";

    [Fact]
    public void Create_quotes_the_text_between_the_positions()
    {
        var anchor = TextAnchor.Create(Text, 7, 12);

        Assert.Equal(new TextAnchor(7, 12, "shall"), anchor);
        Assert.Equal(5, anchor.Length);
    }

    [Fact]
    public void The_whole_text_can_be_quoted()
    {
        Assert.Equal(Text, TextAnchor.Create(Text, 0, Text.Length).Quote);
    }

    [Theory]
    [InlineData(-1, 5, "start", "outside the text")]
    [InlineData(40, 41, "start", "outside the text")]
    [InlineData(0, 40, "end", "outside the text")]
    [InlineData(0, -1, "end", "outside the text")]
    [InlineData(7, 7, "end", "empty")]
    [InlineData(12, 7, "end", "before its start")]
    public void Create_refuses_spans_outside_the_text_empty_or_reversed(int start, int end, string parameter, string message)
    {
        var e = Assert.Throws<AnchorException>(() => TextAnchor.Create(Text, start, end));

        Assert.Equal(parameter, e.ParamName);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_refuses_positions_inside_a_surrogate_pair()
    {
        const string text = "Peace 😀 now";

        var atStart = Assert.Throws<AnchorException>(() => TextAnchor.Create(text, 7, 11));
        var atEnd = Assert.Throws<AnchorException>(() => TextAnchor.Create(text, 0, 7));

        Assert.Equal("start", atStart.ParamName);
        Assert.Equal("end", atEnd.ParamName);
        Assert.Contains("surrogate pair", atEnd.Message, StringComparison.Ordinal);
        Assert.Equal("😀", TextAnchor.Create(text, 6, 8).Quote);
    }

    [Fact]
    public void An_anchor_exception_is_an_argument_out_of_range_exception()
    {
        Assert.IsAssignableFrom<ArgumentOutOfRangeException>(Assert.Throws<AnchorException>(() => TextAnchor.Create(Text, 3, 3)));
    }

    [Fact]
    public void The_constructor_checks_its_parts()
    {
        Assert.Equal("start", Assert.Throws<AnchorException>(() => new TextAnchor(-1, 4, "abcde")).ParamName);
        Assert.Equal("end", Assert.Throws<AnchorException>(() => new TextAnchor(4, 4, "")).ParamName);
        Assert.Equal("quote", Assert.Throws<AnchorException>(() => new TextAnchor(0, 4, "abc")).ParamName);
        Assert.Equal("quote", Assert.Throws<AnchorException>(() => new TextAnchor(0, 1, "😀"[..1])).ParamName);
        Assert.Equal("quote", Assert.Throws<AnchorException>(() => new TextAnchor(0, 1, "😀"[1..])).ParamName);
        Assert.Throws<ArgumentNullException>(() => new TextAnchor(0, 1, null!));
        Assert.Throws<ArgumentNullException>(() => TextAnchor.Create(null!, 0, 1));
    }
}
