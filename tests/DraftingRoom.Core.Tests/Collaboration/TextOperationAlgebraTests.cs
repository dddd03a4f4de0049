using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

public class TextOperationAlgebraTests
{
    [Fact]
    public void Apply_follows_the_documented_example() =>
        Assert.Equal("aXc", TextOperation.Parse("""[1, "X", -1, 1]""").Apply("abc"));

    [Fact]
    public void When_both_insert_at_the_same_place_the_first_arguments_text_comes_first()
    {
        var first = TextOperation.Parse("""[1, "A", 1]""");
        var second = TextOperation.Parse("""[1, "B", 1]""");

        var (firstPrime, secondPrime) = TextOperation.Transform(first, second);

        Assert.Equal("xABy", secondPrime.Apply(first.Apply("xy")));
        Assert.Equal("xABy", firstPrime.Apply(second.Apply("xy")));
    }

    [Fact]
    public void Concurrent_deletes_of_the_same_text_delete_it_once()
    {
        var a = TextOperation.Parse("[1, -2, 1]");
        var b = TextOperation.Parse("[2, -2]");

        var (aPrime, bPrime) = TextOperation.Transform(a, b);

        Assert.Equal("a", bPrime.Apply(a.Apply("abcd")));
        Assert.Equal("a", aPrime.Apply(b.Apply("abcd")));
    }

    [Fact]
    public void An_insert_then_its_deletion_compose_to_nothing()
    {
        var insert = TextOperation.Parse("""[2, "hello", 3]""");
        var delete = TextOperation.Parse("[2, -5, 3]");

        Assert.True(TextOperation.Compose(insert, delete).IsNoop);
    }

    [Fact]
    public void An_operation_that_only_retains_is_a_noop()
    {
        Assert.True(TextOperation.Identity(7).IsNoop);
        Assert.True(TextOperation.Empty.IsNoop);
        Assert.False(TextOperation.Parse("""[7, "!"]""").IsNoop);
    }

    [Fact]
    public void Inverting_restores_deleted_text_including_emoji()
    {
        var document = "I 😀 UN";
        var operation = TextOperation.Parse("""[2, -2, "love", 3]""");

        Assert.Equal("I love UN", operation.Apply(document));
        Assert.Equal(document, operation.Invert(document).Apply("I love UN"));
    }

    [Theory]
    [InlineData(0, false, 0)]
    [InlineData(2, false, 5)] // a caret where text is typed moves past it
    [InlineData(2, true, 2)] // a range start stays before it
    [InlineData(3, false, 6)]
    [InlineData(5, false, 7)] // inside deleted text: moves to where the deletion was
    [InlineData(8, false, 8)]
    public void A_position_moves_through_inserts_and_deletes(int index, bool stayBeforeInserts, int expected)
    {
        var operation = TextOperation.Parse("""[2, "XYZ", 2, -3, 1]"""); // on "abcdefgh"

        Assert.Equal(expected, operation.TransformIndex(index, stayBeforeInserts));
    }

    [Fact]
    public void A_selection_moves_both_of_its_ends()
    {
        var operation = TextOperation.Parse("""["> ", 5]""");

        Assert.Equal(new Selection(3, 7), new Selection(1, 5).Transform(operation));
    }
}
