using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

public class TextBufferTests
{
    [Fact]
    public void Edits_far_apart_move_the_gap_and_keep_the_text_right()
    {
        var buffer = new TextBuffer("0123456789");

        buffer.Apply(TextOperation.Parse("""["<", 10, ">"]"""));
        buffer.Apply(TextOperation.Parse("""[3, -2, 7]"""));
        buffer.Apply(TextOperation.Parse("""[8, "!", -1, 1]"""));

        Assert.Equal("<0145678!>", buffer.ToString());
        Assert.Equal(10, buffer.Length);
        Assert.Equal('!', buffer[8]);
        Assert.Equal("456", buffer.Substring(3, 3));
    }

    [Fact]
    public void A_large_insert_grows_the_buffer()
    {
        var buffer = new TextBuffer("ab");
        var paste = new string('x', 10_000);

        buffer.Apply(TextOperation.Builder().Retain(1).Insert(paste).Retain(1).Build());

        Assert.Equal("a" + paste + "b", buffer.ToString());
    }

    [Fact]
    public void The_buffer_knows_whether_it_holds_surrogates()
    {
        var buffer = new TextBuffer("ab");
        Assert.False(buffer.HasSurrogates);

        buffer.Apply(TextOperation.Parse("""[1, "😀", 1]"""));
        Assert.True(buffer.HasSurrogates);

        buffer.Apply(TextOperation.Parse("""[1, -2, 1]"""));
        Assert.False(buffer.HasSurrogates);
    }

    [Fact]
    public void Reading_outside_the_document_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextBuffer("ab")[2]);
}
