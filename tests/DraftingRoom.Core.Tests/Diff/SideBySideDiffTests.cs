using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Tests.Diff;

public class SideBySideDiffTests
{
    private const string P1 = "1. Everyone has the right to international solidarity.";
    private const string P2 = "2. States shall cooperate in good faith.";
    private const string P3 = "3. International organizations shall assist States.";

    private static string Text(params string[] paragraphs) => string.Join("\n\n", paragraphs);

    [Fact]
    public void Unchanged_paragraphs_are_aligned_row_by_row()
    {
        var diff = WordDiff.CompareSideBySide(Text(P1, P2), Text(P1, P2));

        Assert.False(diff.HasChanges);
        Assert.Equal([SideBySideRowKind.Unchanged, SideBySideRowKind.Unchanged], diff.Rows.Select(r => r.Kind));
        Assert.Equal([P1, P2], diff.Rows.Select(r => r.Old!.Text));
        Assert.Equal([P1, P2], diff.Rows.Select(r => r.New!.Text));
        Assert.Equal([0, 1], diff.Rows.Select(r => r.New!.ParagraphIndex));
    }

    [Fact]
    public void A_modified_paragraph_is_compared_word_by_word_on_each_side()
    {
        var diff = WordDiff.CompareSideBySide(Text(P1, P2, P3), Text(P1, P2.Replace("shall", "should", StringComparison.Ordinal), P3));

        var row = diff.Rows[1];
        Assert.Equal(SideBySideRowKind.Modified, row.Kind);
        Assert.Equal(
            [new DiffSegment(DiffSegmentKind.Unchanged, "2. States "), new DiffSegment(DiffSegmentKind.Deleted, "shall"), new DiffSegment(DiffSegmentKind.Unchanged, " cooperate in good faith.")],
            row.Old!.Segments);
        Assert.Equal(
            [new DiffSegment(DiffSegmentKind.Unchanged, "2. States "), new DiffSegment(DiffSegmentKind.Inserted, "should"), new DiffSegment(DiffSegmentKind.Unchanged, " cooperate in good faith.")],
            row.New!.Segments);
        Assert.Equal(1, diff.WordsInserted);
        Assert.Equal(1, diff.WordsDeleted);
        Assert.Equal(SideBySideRowKind.Unchanged, diff.Rows[0].Kind);
        Assert.Equal(SideBySideRowKind.Unchanged, diff.Rows[2].Kind);
    }

    [Fact]
    public void An_inserted_paragraph_has_no_old_side()
    {
        var diff = WordDiff.CompareSideBySide(Text(P1, P3), Text(P1, P2, P3));

        Assert.Equal([SideBySideRowKind.Unchanged, SideBySideRowKind.Inserted, SideBySideRowKind.Unchanged], diff.Rows.Select(r => r.Kind));
        Assert.Null(diff.Rows[1].Old);
        Assert.Equal([new DiffSegment(DiffSegmentKind.Inserted, P2)], diff.Rows[1].New!.Segments);
        Assert.Equal(1, diff.Rows[1].New!.ParagraphIndex);
        Assert.Equal(1, diff.Rows[2].Old!.ParagraphIndex);
        Assert.Equal(2, diff.Rows[2].New!.ParagraphIndex);
        Assert.Equal(7, diff.WordsInserted);
    }

    [Fact]
    public void A_deleted_paragraph_has_no_new_side()
    {
        var diff = WordDiff.CompareSideBySide(Text(P1, P2, P3), Text(P1, P3));

        Assert.Equal(SideBySideRowKind.Deleted, diff.Rows[1].Kind);
        Assert.Null(diff.Rows[1].New);
        Assert.Equal([new DiffSegment(DiffSegmentKind.Deleted, P2)], diff.Rows[1].Old!.Segments);
        Assert.Equal(7, diff.WordsDeleted);
    }

    [Fact]
    public void Edited_paragraphs_pair_with_their_closest_match_around_insertions()
    {
        var newP1 = P1.Replace("Everyone", "Every person", StringComparison.Ordinal);
        var newP3 = P3.Replace("assist", "support", StringComparison.Ordinal);
        const string Inserted = "2 bis. Civil society may take part in all forms of cooperation.";

        var diff = WordDiff.CompareSideBySide(Text(P1, P2, P3), Text(newP1, Inserted, P2, newP3));

        Assert.Equal(
            [SideBySideRowKind.Modified, SideBySideRowKind.Inserted, SideBySideRowKind.Unchanged, SideBySideRowKind.Modified],
            diff.Rows.Select(r => r.Kind));
        Assert.Equal(newP1, diff.Rows[0].New!.Text);
        Assert.Equal(P1, diff.Rows[0].Old!.Text);
    }

    [Fact]
    public void Unrelated_paragraphs_are_not_paired_when_counts_differ()
    {
        var diff = WordDiff.CompareSideBySide(Text(P1), Text("Something else entirely.", "And another thing."));

        Assert.Equal([SideBySideRowKind.Deleted, SideBySideRowKind.Inserted, SideBySideRowKind.Inserted], diff.Rows.Select(r => r.Kind));
    }

    [Fact]
    public void A_rewritten_paragraph_in_the_same_place_is_shown_as_modified()
    {
        var diff = WordDiff.CompareSideBySide(Text(P1, P2), Text(P1, "Something else entirely."));

        Assert.Equal(SideBySideRowKind.Modified, diff.Rows[1].Kind);
    }

    [Fact]
    public void Paragraph_separators_may_vary()
    {
        var diff = WordDiff.CompareSideBySide($"{P1}\r\n\r\n{P2}\n\n\n\n", $"  {P1}\n \n{P2}");

        Assert.False(diff.HasChanges);
        Assert.Equal(2, diff.Rows.Count);
    }

    [Fact]
    public void Empty_texts()
    {
        Assert.Empty(WordDiff.CompareSideBySide("", "").Rows);
        Assert.Equal([SideBySideRowKind.Inserted, SideBySideRowKind.Inserted], WordDiff.CompareSideBySide("", Text(P1, P2)).Rows.Select(r => r.Kind));
        Assert.Equal([SideBySideRowKind.Deleted], WordDiff.CompareSideBySide(P1, " ").Rows.Select(r => r.Kind));
    }
}
