using DraftingRoom.Core.Anchors;
using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Anchors;

public class AnchorTrackerTests
{
    private const string Text = "States shall cooperate with each other.";

    // "cooperate with" is [13, 27).
    private static readonly TextAnchor Anchor = TextAnchor.Create(Text, 13, 27);

    private static AnchorUpdate Edit(TextAnchor anchor, string document, Func<TextOperationBuilder, TextOperationBuilder> edit)
    {
        var operation = edit(TextOperation.Builder()).Build();
        if (operation.BaseLength < document.Length)
        {
            operation = Complete(operation, document.Length);
        }

        var update = AnchorTracker.Through(anchor, operation);
        if (update.Anchor is { } moved)
        {
            var edited = operation.Apply(document);
            Assert.Equal(moved.Quote, edited[moved.Start..moved.End]);
        }

        return update;
    }

    /// <summary>Retains the rest of the document after the steps given.</summary>
    private static TextOperation Complete(TextOperation operation, int length)
    {
        var builder = TextOperation.Builder();
        foreach (var component in operation.Components)
        {
            _ = component.Kind switch
            {
                OperationComponentKind.Retain => builder.Retain(component.Length),
                OperationComponentKind.Delete => builder.Delete(component.Length),
                _ => builder.Insert(component.Text),
            };
        }

        return builder.Retain(length - operation.BaseLength).Build();
    }

    [Fact]
    public void Text_inserted_before_the_span_moves_it()
    {
        var update = Edit(Anchor, Text, b => b.Insert("All "));

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, new TextAnchor(17, 31, "cooperate with")), update);
    }

    [Fact]
    public void Text_inserted_after_the_span_leaves_it()
    {
        var update = Edit(Anchor, Text, b => b.Retain(32).Insert(" and every"));

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, Anchor), update);
    }

    [Fact]
    public void Text_inserted_at_the_start_of_the_span_stays_outside()
    {
        var update = Edit(Anchor, Text, b => b.Retain(13).Insert("closely "));

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, new TextAnchor(21, 35, "cooperate with")), update);
    }

    [Fact]
    public void Text_inserted_at_the_end_of_the_span_stays_outside()
    {
        var update = Edit(Anchor, Text, b => b.Retain(27).Insert(" all"));

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, Anchor), update);
    }

    [Fact]
    public void Text_inserted_inside_the_span_extends_it()
    {
        var update = Edit(Anchor, Text, b => b.Retain(22).Insert(" closely"));

        Assert.Equal(new AnchorUpdate(AnchorStatus.Changed, new TextAnchor(13, 35, "cooperate closely with")), update);
    }

    [Fact]
    public void Deleting_part_of_the_span_shrinks_it()
    {
        var update = Edit(Anchor, Text, b => b.Retain(22).Delete(5));

        Assert.Equal(new AnchorUpdate(AnchorStatus.Changed, new TextAnchor(13, 22, "cooperate")), update);
    }

    [Fact]
    public void Deleting_across_the_start_of_the_span_moves_and_shrinks_it()
    {
        var update = Edit(Anchor, Text, b => b.Retain(7).Delete(10));

        Assert.Equal(new AnchorUpdate(AnchorStatus.Changed, new TextAnchor(7, 17, "erate with")), update);
    }

    [Theory]
    [InlineData(13, 14)] // exactly the span
    [InlineData(7, 20)]  // the span and text around it
    [InlineData(0, 39)]  // everything
    public void Deleting_the_whole_span_loses_it(int from, int count)
    {
        var update = Edit(Anchor, Text, b => b.Retain(from).Delete(count));

        Assert.Equal(AnchorUpdate.Lost, update);
        Assert.Null(update.Anchor);
    }

    [Fact]
    public void Typing_over_the_whole_span_loses_it()
    {
        var update = Edit(Anchor, Text, b => b.Retain(13).Delete(14).Insert("work together with"));

        Assert.Equal(AnchorStatus.Lost, update.Status);
    }

    [Fact]
    public void Typing_character_by_character_inside_and_around_the_span()
    {
        var document = Text;
        var anchor = Anchor;
        // At the start edge, inside after "co", at the end edge, at the very start; positions in the current text.
        foreach (var (position, c) in new[] { (13, 'X'), (16, 'y'), (29, 'Z'), (0, 'W') })
        {
            var operation = TextOperation.Builder().Retain(position).Insert(c.ToString()).Retain(document.Length - position).Build();
            anchor = AnchorTracker.Through(anchor, operation).Anchor!;
            document = operation.Apply(document);
            Assert.Equal(anchor.Quote, document[anchor.Start..anchor.End]);
        }

        Assert.Equal("WStates shall XcoyoperateZ with each other.".Replace("Z with", " withZ", StringComparison.Ordinal), document);
        Assert.Equal(new TextAnchor(15, 30, "coyoperate with"), anchor);
    }

    [Fact]
    public void Surrogate_pairs_stay_whole()
    {
        const string document = "Peace 🕊 and 😀 solidarity";
        var anchor = TextAnchor.Create(document, 6, 15); // "🕊 and 😀"

        var before = Edit(anchor, document, b => b.Retain(6).Insert("🇺🇳 "));
        var inside = Edit(anchor, document, b => b.Retain(8).Insert("👍"));

        Assert.Equal(new TextAnchor(11, 20, "🕊 and 😀"), before.Anchor);
        Assert.Equal(new TextAnchor(6, 17, "🕊👍 and 😀"), inside.Anchor);
        Assert.Throws<OperationException>(() =>
            AnchorTracker.Through(anchor, TextOperation.Builder().Retain(7).Delete(3).Retain(document.Length - 10).Build()));
    }

    [Fact]
    public void An_anchor_beyond_the_document_is_refused()
    {
        var e = Assert.Throws<AnchorException>(() => AnchorTracker.Through(Anchor, TextOperation.Identity(20)));

        Assert.Contains("different versions", e.Message, StringComparison.Ordinal);
    }
}
