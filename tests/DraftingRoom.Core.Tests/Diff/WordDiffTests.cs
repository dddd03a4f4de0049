using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Tests.Diff;

public class WordDiffTests
{
    private static DiffSegment U(string text) => new(DiffSegmentKind.Unchanged, text);

    private static DiffSegment I(string text) => new(DiffSegmentKind.Inserted, text);

    private static DiffSegment D(string text) => new(DiffSegmentKind.Deleted, text);

    private static void AssertReproduces(TextDiff diff, string oldText, string newText)
    {
        Assert.Equal(oldText, diff.OldText);
        Assert.Equal(newText, diff.NewText);
    }

    [Fact]
    public void One_changed_word_is_one_deletion_and_one_insertion()
    {
        var diff = WordDiff.Compare("States shall cooperate.", "States should cooperate.");

        Assert.Equal([U("States "), D("shall"), I("should"), U(" cooperate.")], diff.Segments);
        Assert.Equal(1, diff.WordsDeleted);
        Assert.Equal(1, diff.WordsInserted);
        Assert.True(diff.HasChanges);
    }

    [Fact]
    public void Consecutive_changed_words_form_one_change_with_the_space_between_them()
    {
        var diff = WordDiff.Compare("States shall respect the right.", "States should protect the right.");

        Assert.Equal([U("States "), D("shall respect"), I("should protect"), U(" the right.")], diff.Segments);
        Assert.Equal(2, diff.WordsDeleted);
        Assert.Equal(2, diff.WordsInserted);
    }

    [Fact]
    public void A_punctuation_change_is_not_a_word_change()
    {
        var diff = WordDiff.Compare("rights, freedoms and duties.", "rights; freedoms and duties!");

        Assert.Equal([U("rights"), D(","), I(";"), U(" freedoms and duties"), D("."), I("!")], diff.Segments);
        Assert.Equal(0, diff.WordsDeleted);
        Assert.Equal(0, diff.WordsInserted);
        Assert.True(diff.HasChanges);
    }

    [Fact]
    public void Punctuation_attached_to_a_word_stays_unchanged_when_only_the_word_changes()
    {
        var diff = WordDiff.Compare("human rights, and", "human freedoms, and");

        Assert.Equal([U("human "), D("rights"), I("freedoms"), U(", and")], diff.Segments);
    }

    [Fact]
    public void An_insertion_at_the_start()
    {
        var diff = WordDiff.Compare("States shall cooperate.", "All States shall cooperate.");

        Assert.Equal([I("All "), U("States shall cooperate.")], diff.Segments);
        Assert.Equal(1, diff.WordsInserted);
        Assert.Equal(0, diff.WordsDeleted);
    }

    [Fact]
    public void An_insertion_at_the_end()
    {
        var diff = WordDiff.Compare("States shall cooperate", "States shall cooperate in good faith.");

        Assert.Equal([U("States shall cooperate"), I(" in good faith.")], diff.Segments);
        Assert.Equal(3, diff.WordsInserted);
    }

    [Fact]
    public void A_deletion_in_the_middle()
    {
        var diff = WordDiff.Compare("States shall fully and effectively cooperate.", "States shall cooperate.");

        Assert.Equal([U("States shall "), D("fully and effectively "), U("cooperate.")], diff.Segments);
        Assert.Equal(3, diff.WordsDeleted);
        AssertReproduces(diff, "States shall fully and effectively cooperate.", "States shall cooperate.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("States shall cooperate.")]
    [InlineData("  \n\n ")]
    public void Identical_texts_have_no_changes(string text)
    {
        var diff = WordDiff.Compare(text, text);

        Assert.False(diff.HasChanges);
        Assert.Equal(0, diff.WordsInserted);
        Assert.Equal(0, diff.WordsDeleted);
        Assert.All(diff.Segments, s => Assert.Equal(DiffSegmentKind.Unchanged, s.Kind));
        Assert.True(diff.Segments.Count <= 1);
        AssertReproduces(diff, text, text);
    }

    [Fact]
    public void An_empty_old_text_is_all_inserted()
    {
        var diff = WordDiff.Compare("", "States shall cooperate.");

        Assert.Equal([I("States shall cooperate.")], diff.Segments);
        Assert.Equal(3, diff.WordsInserted);
    }

    [Fact]
    public void An_empty_new_text_is_all_deleted()
    {
        var diff = WordDiff.Compare("States shall cooperate.", "");

        Assert.Equal([D("States shall cooperate.")], diff.Segments);
        Assert.Equal(3, diff.WordsDeleted);
    }

    [Fact]
    public void A_white_space_change_is_a_change()
    {
        var diff = WordDiff.Compare("States shall", "States  shall");

        Assert.Equal([U("States"), D(" "), I("  "), U("shall")], diff.Segments);
        Assert.Equal(0, diff.WordsInserted);
    }

    [Fact]
    public void Case_matters()
    {
        var diff = WordDiff.Compare("the Declaration", "the declaration");

        Assert.Equal([U("the "), D("Declaration"), I("declaration")], diff.Segments);
    }

    [Fact]
    public void Arabic_words_are_compared_as_words()
    {
        var diff = WordDiff.Compare("الحق في التضامن الدولي", "الحق في التعاون الدولي");

        Assert.Equal([U("الحق في "), D("التضامن"), I("التعاون"), U(" الدولي")], diff.Segments);
        Assert.Equal(1, diff.WordsDeleted);
    }

    [Fact]
    public void Chinese_is_compared_character_by_character()
    {
        var diff = WordDiff.Compare("国际团结权", "国际合作权");

        Assert.Equal([U("国际"), D("团结"), I("合作"), U("权")], diff.Segments);
        Assert.Equal(2, diff.WordsDeleted);
        Assert.Equal(2, diff.WordsInserted);
    }

    [Fact]
    public void Emoji_are_compared_whole()
    {
        var diff = WordDiff.Compare("peace 🕊️ and 👨‍👩‍👧", "peace 🌍 and 👨‍👩‍👦");

        Assert.Equal([U("peace "), D("🕊️"), I("🌍"), U(" and "), D("👨‍👩‍👧"), I("👨‍👩‍👦")], diff.Segments);
        Assert.Equal(0, diff.WordsInserted);
    }

    [Fact]
    public void Adjacent_segments_never_have_the_same_kind()
    {
        var diff = WordDiff.Compare(
            "1. Everyone has the right to international solidarity.\n\n2. States shall cooperate.",
            "1. Every person and every people has a right to solidarity.\n\n2. States must cooperate, in good faith.");

        Assert.All(diff.Segments.Zip(diff.Segments.Skip(1)), pair => Assert.NotEqual(pair.First.Kind, pair.Second.Kind));
        Assert.All(diff.Segments, s => Assert.NotEmpty(s.Text));
    }

    [Fact]
    public void Null_texts_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => WordDiff.Compare(null!, ""));
        Assert.Throws<ArgumentNullException>(() => WordDiff.Compare("", null!));
    }
}
