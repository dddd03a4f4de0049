using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

public class TextOperationValidationTests
{
    private static readonly TextOperation SplitsTheEmoji = TextOperation.Parse("""[3, "x", 2]"""); // on "ab😀c"

    [Fact]
    public void An_operation_for_a_document_of_another_length_is_refused_with_both_lengths()
    {
        var operation = TextOperation.Identity(120);

        var error = Assert.Throws<OperationException>(() => operation.Apply(new string('a', 118)));

        Assert.Equal("The operation expects a document of 120 characters but the document has 118.", error.Message);
    }

    [Fact]
    public void Apply_refuses_a_boundary_inside_a_surrogate_pair()
    {
        var error = Assert.Throws<OperationException>(() => SplitsTheEmoji.Apply("ab😀c"));

        Assert.Contains("surrogate pair", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_refuses_a_delete_that_ends_inside_a_surrogate_pair() =>
        Assert.Throws<OperationException>(() => TextOperation.Parse("[2, -1, 2]").Apply("ab😀c"));

    [Fact]
    public void Invert_refuses_a_boundary_inside_a_surrogate_pair() =>
        Assert.Throws<OperationException>(() => SplitsTheEmoji.Invert("ab😀c"));

    [Fact]
    public void A_buffer_refuses_a_boundary_inside_a_surrogate_pair_and_stays_unchanged()
    {
        var buffer = new TextBuffer("ab😀c");

        Assert.Throws<OperationException>(() => buffer.Apply(SplitsTheEmoji));

        Assert.Equal("ab😀c", buffer.ToString());
    }

    [Fact]
    public void A_buffer_refuses_an_operation_of_the_wrong_length()
    {
        var buffer = new TextBuffer("abc");

        var error = Assert.Throws<OperationException>(() => buffer.Apply(TextOperation.Identity(4)));

        Assert.Contains("4 characters but the document has 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inserting_a_lone_surrogate_is_refused()
    {
        var error = Assert.Throws<OperationException>(() => TextOperation.Builder().Insert("a\uD83D").Build());

        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_composition_that_would_split_inserted_emoji_is_refused()
    {
        var insert = TextOperation.Parse("""["😀"]""");
        var deleteHalf = TextOperation.Parse("[1, -1]");

        Assert.Throws<OperationException>(() => TextOperation.Compose(insert, deleteHalf));
    }

    [Fact]
    public void Composing_operations_that_do_not_follow_each_other_is_refused() =>
        Assert.Throws<OperationException>(() => TextOperation.Compose(TextOperation.Identity(2), TextOperation.Identity(3)));

    [Fact]
    public void Transforming_operations_on_different_documents_is_refused() =>
        Assert.Throws<OperationException>(() => TextOperation.Transform(TextOperation.Identity(2), TextOperation.Identity(3)));

    [Fact]
    public void A_position_outside_the_document_is_refused() =>
        Assert.Throws<OperationException>(() => TextOperation.Identity(3).TransformIndex(4));
}
