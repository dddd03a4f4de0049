using DraftingRoom.Core.Merging;

namespace DraftingRoom.Core.Tests.Merging;

public class ThreeWayMergeTests
{
    private const string Base = "States shall cooperate with each other.";

    private static ConflictChunk SingleConflict(MergeResult result) => Assert.Single(result.Conflicts);

    [Fact]
    public void Edits_in_different_places_combine()
    {
        var result = ThreeWayMerge.Merge(
            Base, "States shall cooperate closely with each other.", "All States shall cooperate with each other.");

        Assert.False(result.HasConflicts);
        Assert.Equal("All States shall cooperate closely with each other.", result.Text);
    }

    [Fact]
    public void Chunks_say_where_each_part_comes_from()
    {
        var result = ThreeWayMerge.Merge(
            Base, "States shall cooperate closely with each other.", "All States shall cooperate with each other.");

        Assert.Contains(result.Chunks, c => c is ResolvedChunk { Origin: MergeChunkOrigin.Theirs, BaseText: "", Text: "All " });
        Assert.Contains(result.Chunks, c => c is ResolvedChunk { Origin: MergeChunkOrigin.Ours } r && r.Text.Contains("closely", StringComparison.Ordinal));
        Assert.Equal(result.Text, string.Concat(result.Chunks.Cast<ResolvedChunk>().Select(c => c.Text)));
        Assert.Equal(Base, string.Concat(result.Chunks.Select(c => c.BaseText)));
    }

    [Fact]
    public void The_same_edit_on_both_sides_is_taken_once()
    {
        var edited = "States should cooperate with each other.";

        var result = ThreeWayMerge.Merge(Base, edited, edited);

        Assert.False(result.HasConflicts);
        Assert.Equal(edited, result.Text);
        Assert.Contains(result.Chunks, c => c is ResolvedChunk { Origin: MergeChunkOrigin.Both, BaseText: "shall", Text: "should" });
    }

    [Fact]
    public void The_same_edit_among_different_ones_is_taken_once()
    {
        var result = ThreeWayMerge.Merge(
            Base,
            "States should cooperate with each other in good faith.",
            "All States should cooperate with each other.");

        Assert.False(result.HasConflicts);
        Assert.Equal("All States should cooperate with each other in good faith.", result.Text);
    }

    [Fact]
    public void Different_edits_of_the_same_word_conflict()
    {
        var result = ThreeWayMerge.Merge(
            Base, "States should cooperate with each other.", "States must cooperate with each other.");

        Assert.True(result.HasConflicts);
        var conflict = SingleConflict(result);
        Assert.Equal(new ConflictChunk(0, "shall", "should", "must"), conflict);
        Assert.Throws<InvalidOperationException>(() => result.Text);
        Assert.Equal("States ", Assert.IsType<ResolvedChunk>(result.Chunks[0]).Text);
        Assert.Equal(" cooperate with each other.", Assert.IsType<ResolvedChunk>(result.Chunks[2]).Text);
    }

    [Theory]
    [InlineData(ConflictChoice.Ours, "States should cooperate with each other.")]
    [InlineData(ConflictChoice.Theirs, "States must cooperate with each other.")]
    [InlineData(ConflictChoice.Both, "States should must cooperate with each other.")]
    public void Resolving_a_conflict_takes_the_chosen_side(ConflictChoice choice, string expected)
    {
        var result = ThreeWayMerge.Merge(
            Base, "States should cooperate with each other.", "States must cooperate with each other.");

        Assert.Equal(expected, result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.From(choice) }));
    }

    [Fact]
    public void Resolving_a_conflict_with_her_own_wording()
    {
        var result = ThreeWayMerge.Merge(
            Base, "States should cooperate with each other.", "States must cooperate with each other.");

        var text = result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.Custom("are to") });

        Assert.Equal("States are to cooperate with each other.", text);
    }

    [Fact]
    public void Both_keeps_inserted_sentences_in_order_without_adding_anything()
    {
        var result = ThreeWayMerge.Merge(
            "States shall cooperate.",
            "States shall cooperate. They shall report.",
            "States shall cooperate. They may seek assistance.");

        var conflict = SingleConflict(result);
        Assert.Equal("", conflict.BaseText);
        Assert.Equal(
            "States shall cooperate. They shall report. They may seek assistance.",
            result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.Both }));
    }

    [Fact]
    public void Both_does_not_add_a_space_before_punctuation_or_between_ideographs()
    {
        Assert.Equal("rights,", new ConflictChunk(0, "", "rights", ",").Resolve(ConflictResolution.Both));
        Assert.Equal("国际团结", new ConflictChunk(0, "", "国际", "团结").Resolve(ConflictResolution.Both));
        Assert.Equal("a b", new ConflictChunk(0, "", "a ", "b").Resolve(ConflictResolution.Both));
        Assert.Equal("b", new ConflictChunk(0, "x", "", "b").Resolve(ConflictResolution.Both));
    }

    [Fact]
    public void Several_conflicts_are_numbered_in_text_order_and_each_needs_a_resolution()
    {
        var result = ThreeWayMerge.Merge(
            "States shall respect and protect the right to solidarity.",
            "States should respect and protect the right to cooperation.",
            "States must respect and protect the right to assistance.");

        Assert.Equal([0, 1], result.Conflicts.Select(c => c.Index));
        Assert.Equal("shall", result.Conflicts[0].BaseText);
        Assert.Equal("solidarity", result.Conflicts[1].BaseText);
        Assert.Equal(
            "States must respect and protect the right to cooperation.",
            result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.Theirs, [1] = ConflictResolution.Ours }));

        var missing = Assert.Throws<ArgumentException>(() =>
            result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.Theirs }));
        Assert.Contains("Conflict 1", missing.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<ArgumentException>(() => result.Resolve(new Dictionary<int, ConflictResolution>
        {
            [0] = ConflictResolution.Theirs, [1] = ConflictResolution.Ours, [2] = ConflictResolution.Ours,
        }));
        Assert.Contains("no conflict 2", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_choice_needs_its_wording()
    {
        Assert.Throws<ArgumentException>(() => ConflictResolution.From(ConflictChoice.Custom));
        Assert.Throws<ArgumentNullException>(() => ConflictResolution.Custom(null!));
        Assert.Equal(ConflictChoice.Custom, ConflictResolution.Custom("").Choice);
    }

    [Fact]
    public void Edits_of_neighbouring_words_combine()
    {
        // Word 3 and word 5 (one word between them), then word 3 and word 4 (only a space between them).
        var apart = ThreeWayMerge.Merge(Base, "States shall work with each other.", "States shall cooperate with all other.");
        var adjacent = ThreeWayMerge.Merge(Base, "States shall work with each other.", "States shall cooperate among each other.");

        Assert.Equal("States shall work with all other.", apart.Text);
        Assert.Equal("States shall work among each other.", adjacent.Text);
    }

    [Fact]
    public void A_phrase_edited_on_one_side_conflicts_as_a_whole_with_an_edit_of_one_of_its_words()
    {
        var result = ThreeWayMerge.Merge(
            "States shall respect the right.", "States should protect the right.", "States shall ensure the right.");

        Assert.Equal(new ConflictChunk(0, "shall respect", "should protect", "shall ensure"), SingleConflict(result));
    }

    [Fact]
    public void Deleting_words_on_one_side_and_inserting_among_them_on_the_other_conflicts()
    {
        var result = ThreeWayMerge.Merge(
            "States shall cooperate closely with each other.",
            "States shall cooperate with each other.",
            "States shall cooperate very closely with each other.");

        var conflict = SingleConflict(result);
        Assert.DoesNotContain("closely", conflict.OursText, StringComparison.Ordinal);
        Assert.Contains("very closely", conflict.TheirsText, StringComparison.Ordinal);
        Assert.Contains("closely", conflict.BaseText, StringComparison.Ordinal);
        Assert.Equal("States shall cooperate with each other.", result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.Ours }));
        Assert.Equal("States shall cooperate very closely with each other.", result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.Theirs }));
    }

    [Fact]
    public void Deleting_a_sentence_on_one_side_and_editing_it_on_the_other_conflicts()
    {
        var result = ThreeWayMerge.Merge(
            "States shall cooperate. They shall report annually.",
            "States shall cooperate.",
            "States shall cooperate. They shall report every two years.");

        var conflict = SingleConflict(result);
        Assert.Equal("States shall cooperate.", result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.Ours }));
        Assert.Equal(
            "States shall cooperate. They shall report every two years.",
            result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.Theirs }));
        Assert.Contains("annually", conflict.BaseText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("States shall cooperate closely with each other.")]
    [InlineData("States shall cooperate  closely with each other.")]
    public void Inserting_next_to_a_word_the_other_side_rewrote_conflicts(string theirs)
    {
        var result = ThreeWayMerge.Merge(Base, "States shall work with each other.", theirs);

        var conflict = SingleConflict(result);
        Assert.Contains("cooperate", conflict.BaseText, StringComparison.Ordinal);
        Assert.Contains("work", conflict.OursText, StringComparison.Ordinal);
        Assert.Contains("closely", conflict.TheirsText, StringComparison.Ordinal);
    }

    [Fact]
    public void Punctuation_added_after_a_word_the_other_side_rewrote_conflicts()
    {
        var result = ThreeWayMerge.Merge("States shall cooperate and report.", "States shall collaborate and report.", "States shall cooperate, and report.");

        Assert.Equal(new ConflictChunk(0, "cooperate", "collaborate", "cooperate,"), SingleConflict(result));
    }

    [Fact]
    public void Different_insertions_between_the_same_two_words_conflict()
    {
        var result = ThreeWayMerge.Merge(Base, "States shall cooperate closely with each other.", "States shall cooperate fully with each other.");

        var conflict = SingleConflict(result);
        Assert.Contains("closely", conflict.OursText, StringComparison.Ordinal);
        Assert.Contains("fully", conflict.TheirsText, StringComparison.Ordinal);
        Assert.Equal(
            "States shall cooperate closely fully with each other.",
            result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.Both }).Replace("  ", " ", StringComparison.Ordinal));
    }

    [Fact]
    public void Insertions_a_word_apart_combine()
    {
        var result = ThreeWayMerge.Merge(Base, "States shall cooperate closely with each other.", "States shall cooperate with each and every other.");

        Assert.Equal("States shall cooperate closely with each and every other.", result.Text);
    }

    [Fact]
    public void Deleting_the_same_words_on_both_sides_is_no_conflict()
    {
        var result = ThreeWayMerge.Merge(
            "States shall, in good faith, cooperate.", "States shall cooperate.", "States shall cooperate.");

        Assert.Equal("States shall cooperate.", result.Text);
    }

    [Fact]
    public void Different_insertions_at_the_same_place_conflict()
    {
        var result = ThreeWayMerge.Merge("States shall cooperate.", "States shall cooperate fully.", "States shall cooperate closely.");

        var conflict = SingleConflict(result);
        Assert.Equal("", conflict.BaseText);
        Assert.Equal(" fully", conflict.OursText);
        Assert.Equal(" closely", conflict.TheirsText);
    }

    [Theory]
    [InlineData("", "", "", "")]
    [InlineData("", "States shall cooperate.", "", "States shall cooperate.")]
    [InlineData("", "", "States shall cooperate.", "States shall cooperate.")]
    [InlineData("", "States shall cooperate.", "States shall cooperate.", "States shall cooperate.")]
    [InlineData("States shall cooperate.", "", "States shall cooperate.", "")]
    [InlineData("States shall cooperate.", "", "", "")]
    public void Empty_texts(string baseText, string ours, string theirs, string expected)
    {
        var result = ThreeWayMerge.Merge(baseText, ours, theirs);

        Assert.False(result.HasConflicts);
        Assert.Equal(expected, result.Text);
    }

    [Fact]
    public void An_empty_base_with_two_different_texts_is_one_conflict()
    {
        var result = ThreeWayMerge.Merge("", "States shall cooperate.", "States must cooperate.");

        Assert.Equal(new ConflictChunk(0, "", "States shall cooperate.", "States must cooperate."), Assert.Single(result.Chunks));
    }

    [Fact]
    public void Emptying_the_text_on_one_side_and_editing_it_on_the_other_conflicts()
    {
        var result = ThreeWayMerge.Merge("States shall cooperate.", "", "States must cooperate.");

        var conflict = SingleConflict(result);
        Assert.Equal("", result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.Ours }));
        Assert.Equal("States must cooperate.", result.Resolve(new Dictionary<int, ConflictResolution> { [0] = ConflictResolution.Theirs }));
        Assert.Equal("", conflict.OursText);
    }

    [Fact]
    public void Paragraph_breaks_are_kept()
    {
        const string baseText = "1. States shall cooperate.\n\n2. States shall respect the right.\n\n3. States shall report.";

        var result = ThreeWayMerge.Merge(
            baseText,
            "1. States shall cooperate closely.\n\n2. States shall respect the right.\n\n3. States shall report.",
            "1. States shall cooperate.\n\n2. States shall respect the right.\n\n3. States shall report annually.");

        Assert.Equal(
            "1. States shall cooperate closely.\n\n2. States shall respect the right.\n\n3. States shall report annually.",
            result.Text);
    }

    [Fact]
    public void Edits_at_the_end_of_one_paragraph_and_the_start_of_the_next_combine()
    {
        var result = ThreeWayMerge.Merge(
            "States shall cooperate.\n\nStates shall report.",
            "States shall cooperate closely.\n\nStates shall report.",
            "States shall cooperate.\n\nAll States shall report.");

        Assert.Equal("States shall cooperate closely.\n\nAll States shall report.", result.Text);
    }

    [Fact]
    public void Inserting_a_paragraph_while_the_other_side_edits_another()
    {
        var result = ThreeWayMerge.Merge(
            "First.\n\nSecond.",
            "First.\n\nNew paragraph.\n\nSecond.",
            "First, amended.\n\nSecond.");

        Assert.Equal("First, amended.\n\nNew paragraph.\n\nSecond.", result.Text);
    }

    [Fact]
    public void Arabic_text_merges_word_by_word()
    {
        var result = ThreeWayMerge.Merge(
            "تتعاون الدول فيما بينها.",
            "تتعاون الدول تعاونا وثيقا فيما بينها.",
            "تتعاون جميع الدول فيما بينها.");

        Assert.Equal("تتعاون جميع الدول تعاونا وثيقا فيما بينها.", result.Text);
    }

    [Fact]
    public void Chinese_text_merges_ideograph_by_ideograph()
    {
        var result = ThreeWayMerge.Merge("各国应当合作。", "各国必须合作。", "各国应当协作。");

        Assert.Equal("各国必须协作。", result.Text);
    }

    [Fact]
    public void Conflicting_cyrillic_words()
    {
        var result = ThreeWayMerge.Merge("Государства должны сотрудничать.", "Государства обязаны сотрудничать.", "Государства могут сотрудничать.");

        Assert.Equal(new ConflictChunk(0, "должны", "обязаны", "могут"), SingleConflict(result));
    }

    [Fact]
    public void Emoji_and_combining_marks_stay_whole()
    {
        var result = ThreeWayMerge.Merge("Peace 🕊️ and café.", "Peace 🕊️ and cafe\u0301.", "Peace 🇺🇳 and café.");

        Assert.Equal("Peace 🇺🇳 and cafe\u0301.", result.Text);
    }

    [Fact]
    public void Null_texts_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ThreeWayMerge.Merge(null!, "", ""));
        Assert.Throws<ArgumentNullException>(() => ThreeWayMerge.Merge("", null!, ""));
        Assert.Throws<ArgumentNullException>(() => ThreeWayMerge.Merge("", "", null!));
    }
}
