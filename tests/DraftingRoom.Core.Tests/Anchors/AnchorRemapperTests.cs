using DraftingRoom.Core.Anchors;

namespace DraftingRoom.Core.Tests.Anchors;

public class AnchorRemapperTests
{
    private const string Text = "States shall cooperate with each other in good faith.";

    private static TextAnchor Quote(string text, string quote, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            start = text.IndexOf(quote, start + 1, StringComparison.Ordinal);
        }

        return TextAnchor.Create(text, start, start + quote.Length);
    }

    private static AnchorUpdate Remap(TextAnchor anchor, string oldText, string newText)
    {
        var update = AnchorRemapper.Remap(anchor, oldText, newText);
        if (update.Anchor is { } moved)
        {
            Assert.Equal(moved.Quote, newText[moved.Start..moved.End]);
        }

        return update;
    }

    [Fact]
    public void An_identical_text_keeps_the_anchor()
    {
        var anchor = Quote(Text, "each other");

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, anchor), Remap(anchor, Text, Text));
    }

    [Fact]
    public void Words_that_survive_move_with_the_text_before_them()
    {
        const string newText = "All Member States shall cooperate with each other in good faith.";

        var update = Remap(Quote(Text, "each other"), Text, newText);

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, Quote(newText, "each other")), update);
    }

    [Fact]
    public void Edits_after_the_quote_leave_it_where_it_is()
    {
        var anchor = Quote(Text, "shall cooperate");

        var update = Remap(anchor, Text, "States shall cooperate with one another, in good faith and fully.");

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, anchor), update);
    }

    [Fact]
    public void An_anchor_within_a_word_keeps_its_offsets()
    {
        var anchor = Quote(Text, "operat");

        var update = Remap(anchor, Text, "All " + Text);

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, new TextAnchor(anchor.Start + 4, anchor.End + 4, "operat")), update);
    }

    [Fact]
    public void A_repeated_quote_follows_the_diff_not_the_first_occurrence()
    {
        const string oldText = "States shall report. States shall cooperate.";
        const string newText = "States shall report annually. States shall cooperate.";
        var second = Quote(oldText, "States shall", occurrence: 1);

        var update = Remap(second, oldText, newText);

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, Quote(newText, "States shall", occurrence: 1)), update);
    }

    [Fact]
    public void A_repeated_quote_whose_occurrence_was_deleted_is_lost_rather_than_moved_to_another()
    {
        const string oldText = "States shall report. States shall cooperate. States shall assist.";
        const string newText = "States shall report. States shall assist.";

        var update = Remap(Quote(oldText, "States shall cooperate"), oldText, newText);

        Assert.Equal(AnchorUpdate.Lost, update);
    }

    [Fact]
    public void When_the_texts_are_ambiguous_the_anchor_stays_on_the_words_that_remain()
    {
        // Deleting "States shall cooperate. " and deleting "cooperate. States shall " give the same text.
        const string oldText = "States shall report. States shall cooperate. States shall assist.";
        const string newText = "States shall report. States shall assist.";

        var update = Remap(Quote(oldText, "States shall", occurrence: 1), oldText, newText);

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, Quote(newText, "States shall", occurrence: 1)), update);
    }

    [Fact]
    public void An_earlier_occurrence_inserted_before_the_quote_does_not_capture_it()
    {
        const string oldText = "They shall cooperate.";
        const string newText = "States shall cooperate. They shall cooperate.";

        var update = Remap(Quote(oldText, "shall cooperate"), oldText, newText);

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, Quote(newText, "shall cooperate", occurrence: 1)), update);
    }

    [Fact]
    public void A_word_inserted_inside_the_quote_changes_it()
    {
        const string newText = "States shall cooperate with each and every other in good faith.";

        var update = Remap(Quote(Text, "each other"), Text, newText);

        Assert.Equal(new AnchorUpdate(AnchorStatus.Changed, Quote(newText, "each and every other")), update);
    }

    [Fact]
    public void A_word_replaced_inside_a_mostly_surviving_quote_changes_it()
    {
        const string newText = "States shall work with each other in good faith.";

        var update = Remap(Quote(Text, "shall cooperate with each"), Text, newText);

        Assert.Equal(new AnchorUpdate(AnchorStatus.Changed, Quote(newText, "shall work with each")), update);
    }

    [Fact]
    public void A_replaced_word_at_the_edge_of_the_quote_is_included()
    {
        const string newText = "States should cooperate with each other in good faith.";

        var update = Remap(Quote(Text, "shall cooperate with"), Text, newText);

        Assert.Equal(new AnchorUpdate(AnchorStatus.Changed, Quote(newText, "should cooperate with")), update);
    }

    [Fact]
    public void A_deleted_word_at_the_edge_of_the_quote_shrinks_it()
    {
        const string newText = "States shall cooperate with each other, in good faith.";

        var update = Remap(Quote(Text, "with each other in"), Text, newText.Replace(" in good", " good", StringComparison.Ordinal));

        Assert.Equal(AnchorStatus.Changed, update.Status);
        Assert.Equal("with each other,", update.Anchor!.Quote);
    }

    [Fact]
    public void A_change_reaching_beyond_the_quote_is_left_out()
    {
        const string newText = "States shall cooperate with each other and in good faith.";
        var update = Remap(Quote(Text, "with each other"), Text, "States shall cooperate with each, good faith.");

        Assert.Equal(AnchorStatus.Changed, update.Status);
        Assert.Equal("with each", update.Anchor!.Quote);
        Assert.Equal(AnchorStatus.Kept, Remap(Quote(Text, "with each other"), Text, newText).Status);
    }

    [Fact]
    public void A_word_substituted_at_the_end_of_the_quote_is_included()
    {
        var update = Remap(Quote(Text, "with each other"), Text, "States shall cooperate with each one in good faith.");

        Assert.Equal(AnchorStatus.Changed, update.Status);
        Assert.Equal("with each one", update.Anchor!.Quote);
    }

    [Fact]
    public void Deleting_a_repeated_word_next_to_the_quote_keeps_the_quote()
    {
        const string oldText = "States shall shall cooperate.";

        var first = Remap(Quote(oldText, "States shall"), oldText, "States shall cooperate.");
        var second = Remap(Quote(oldText, "shall cooperate"), oldText, "States shall cooperate.");

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, new TextAnchor(0, 12, "States shall")), first);
        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, new TextAnchor(7, 22, "shall cooperate")), second);
    }

    [Fact]
    public void Inserting_a_repeated_word_next_to_the_quote_keeps_the_quote()
    {
        const string oldText = "States shall cooperate.";

        var update = Remap(Quote(oldText, "shall cooperate"), oldText, "States shall shall cooperate.");

        Assert.Equal(AnchorStatus.Kept, update.Status);
    }

    [Fact]
    public void A_deleted_quote_is_lost()
    {
        var update = Remap(Quote(Text, "with each other "), Text, "States shall cooperate in good faith.");

        Assert.Equal(AnchorUpdate.Lost, update);
    }

    [Fact]
    public void A_rewritten_quote_is_lost()
    {
        var update = Remap(Quote(Text, "each other"), Text, "States shall cooperate with one another in good faith.");

        Assert.Equal(AnchorUpdate.Lost, update);
    }

    [Fact]
    public void A_quote_that_keeps_only_half_its_words_is_lost()
    {
        var update = Remap(Quote(Text, "cooperate with each other"), Text, "States shall cooperate with one another in good faith.");

        Assert.Equal(AnchorStatus.Lost, update.Status);
    }

    [Fact]
    public void A_punctuation_quote_counts_its_marks()
    {
        const string oldText = "States shall cooperate; they shall report.";

        Assert.Equal(AnchorStatus.Kept, Remap(Quote(oldText, ";"), oldText, "All " + oldText).Status);
        Assert.Equal(AnchorStatus.Lost, Remap(Quote(oldText, ";"), oldText, "States shall cooperate, they shall report.").Status);
    }

    [Fact]
    public void Paragraph_breaks_and_non_latin_text()
    {
        const string oldText = "تتعاون الدول فيما بينها.\n\n各国应当合作。";
        const string newText = "تتعاون جميع الدول فيما بينها.\n\n各国应当相互合作。";

        var arabic = Remap(Quote(oldText, "فيما بينها"), oldText, newText);
        var chinese = Remap(Quote(oldText, "各国"), oldText, newText);

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, Quote(newText, "فيما بينها")), arabic);
        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, Quote(newText, "各国")), chinese);
    }

    [Fact]
    public void Surrogate_pairs_stay_whole()
    {
        const string oldText = "Peace 🕊 and 😀 solidarity";
        const string newText = "Lasting peace 🕊 and 😀 solidarity";

        var update = Remap(Quote(oldText, "🕊 and 😀"), oldText, newText);

        Assert.Equal(new AnchorUpdate(AnchorStatus.Kept, Quote(newText, "🕊 and 😀")), update);
    }

    [Fact]
    public void An_anchor_from_another_version_is_refused()
    {
        var anchor = Quote(Text, "each other");

        Assert.Throws<AnchorException>(() => AnchorRemapper.Remap(anchor, "States shall cooperate.", Text));
        Assert.Throws<AnchorException>(() => AnchorRemapper.Remap(anchor, "States shall cooperate with all other States.", Text));
    }
}
