using DiffPlex;

namespace DraftingRoom.Core.Diff;

/// <summary>
/// Compares two versions of a text word by word, for showing what an amendment changes. DiffPlex does the
/// comparison; callers only see <see cref="TextDiff"/> and <see cref="SideBySideDiff"/>.
/// </summary>
public static class WordDiff
{
    /// <summary>Compares two versions of a text word by word.</summary>
    /// <param name="oldText">The old version.</param>
    /// <param name="newText">The new version.</param>
    /// <returns>
    /// The segments of both texts. Adjacent changed tokens are coalesced, white space between two changes included,
    /// so "shall respect" → "should protect" gives one deleted "shall respect" and one inserted "should protect"
    /// rather than interleaved fragments.
    /// </returns>
    public static TextDiff Compare(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);

        var tokens = DiffTokens(oldText, newText);
        var wordsDeleted = tokens.Count(t => t.Kind == DiffSegmentKind.Deleted && WordChunker.IsWord(t.Text));
        var wordsInserted = tokens.Count(t => t.Kind == DiffSegmentKind.Inserted && WordChunker.IsWord(t.Text));
        return new TextDiff(Coalesce(AbsorbWhiteSpaceBetweenChanges(tokens)), wordsInserted, wordsDeleted);
    }

    /// <summary>Compares two versions of a text paragraph by paragraph, then word by word within changed paragraphs.</summary>
    /// <param name="oldText">The old version; paragraphs are separated by blank lines.</param>
    /// <param name="newText">The new version; paragraphs are separated by blank lines.</param>
    /// <returns>The aligned paragraphs.</returns>
    public static SideBySideDiff CompareSideBySide(string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        return ParagraphAligner.Align(oldText, newText);
    }

    /// <summary>The token-level edit script: every token of both texts, in order, each with its kind.</summary>
    private static List<DiffSegment> DiffTokens(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var oldPieces = result.PiecesOld;
        var newPieces = result.PiecesNew;
        var tokens = new List<DiffSegment>(oldPieces.Count + newPieces.Count);
        var a = 0;
        foreach (var block in result.DiffBlocks.OrderBy(b => b.DeleteStartA))
        {
            for (; a < block.DeleteStartA; a++)
            {
                tokens.Add(new DiffSegment(DiffSegmentKind.Unchanged, oldPieces[a]));
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                tokens.Add(new DiffSegment(DiffSegmentKind.Deleted, oldPieces[a++]));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                tokens.Add(new DiffSegment(DiffSegmentKind.Inserted, newPieces[block.InsertStartB + i]));
            }
        }

        for (; a < oldPieces.Count; a++)
        {
            tokens.Add(new DiffSegment(DiffSegmentKind.Unchanged, oldPieces[a]));
        }

        return tokens;
    }

    /// <summary>
    /// Turns white space left unchanged between two changes into a deletion and an insertion of itself, so that the
    /// changes on both sides merge into one.
    /// </summary>
    private static List<DiffSegment> AbsorbWhiteSpaceBetweenChanges(List<DiffSegment> tokens)
    {
        var result = new List<DiffSegment>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == DiffSegmentKind.Unchanged && string.IsNullOrWhiteSpace(token.Text)
                && i > 0 && tokens[i - 1].Kind != DiffSegmentKind.Unchanged
                && i + 1 < tokens.Count && tokens[i + 1].Kind != DiffSegmentKind.Unchanged)
            {
                result.Add(token with { Kind = DiffSegmentKind.Deleted });
                result.Add(token with { Kind = DiffSegmentKind.Inserted });
            }
            else
            {
                result.Add(token);
            }
        }

        return result;
    }

    /// <summary>Merges runs of tokens: unchanged runs into one segment, change runs into one deletion then one insertion.</summary>
    private static List<DiffSegment> Coalesce(List<DiffSegment> tokens)
    {
        var segments = new List<DiffSegment>();
        var unchanged = new System.Text.StringBuilder();
        var deleted = new System.Text.StringBuilder();
        var inserted = new System.Text.StringBuilder();

        void Flush(DiffSegmentKind kind, System.Text.StringBuilder text)
        {
            if (text.Length > 0)
            {
                segments.Add(new DiffSegment(kind, text.ToString()));
                text.Clear();
            }
        }

        foreach (var token in tokens)
        {
            if (token.Kind == DiffSegmentKind.Unchanged)
            {
                Flush(DiffSegmentKind.Deleted, deleted);
                Flush(DiffSegmentKind.Inserted, inserted);
                unchanged.Append(token.Text);
            }
            else
            {
                Flush(DiffSegmentKind.Unchanged, unchanged);
                (token.Kind == DiffSegmentKind.Deleted ? deleted : inserted).Append(token.Text);
            }
        }

        Flush(DiffSegmentKind.Unchanged, unchanged);
        Flush(DiffSegmentKind.Deleted, deleted);
        Flush(DiffSegmentKind.Inserted, inserted);
        return segments;
    }
}
