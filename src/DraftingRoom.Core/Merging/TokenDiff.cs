using DiffPlex;
using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Merging;

/// <summary>
/// One change of a <see cref="TokenDiff"/>: the old tokens <c>[OldStart, OldEnd)</c> are replaced by the new tokens
/// <c>[NewStart, NewEnd)</c>. Either range may be empty (a pure insertion or a pure deletion), not both.
/// </summary>
internal readonly record struct TokenChange(int OldStart, int OldEnd, int NewStart, int NewEnd)
{
    public bool IsInsertion => OldStart == OldEnd;
}

/// <summary>
/// The word-level diff of two texts as DiffPlex computes it over <see cref="WordChunker"/> tokens, with the character
/// offset of every token, for code that needs positions rather than display segments (merging, anchor remapping).
/// </summary>
internal sealed class TokenDiff
{
    private TokenDiff(
        IReadOnlyList<string> oldTokens, IReadOnlyList<string> newTokens, IReadOnlyList<TokenChange> changes)
    {
        OldTokens = oldTokens;
        NewTokens = newTokens;
        Changes = changes;
        OldOffsets = Offsets(oldTokens);
        NewOffsets = Offsets(newTokens);
    }

    /// <summary>The tokens of the old text.</summary>
    public IReadOnlyList<string> OldTokens { get; }

    /// <summary>The tokens of the new text.</summary>
    public IReadOnlyList<string> NewTokens { get; }

    /// <summary>The changes, in text order, never overlapping and never touching one another.</summary>
    public IReadOnlyList<TokenChange> Changes { get; }

    /// <summary>The UTF-16 offset of each old token, plus the old text's length at the end.</summary>
    public int[] OldOffsets { get; }

    /// <summary>The UTF-16 offset of each new token, plus the new text's length at the end.</summary>
    public int[] NewOffsets { get; }

    /// <summary>The size of the edit: how many tokens it deletes plus how many it inserts.</summary>
    public int Cost => Changes.Sum(c => c.OldEnd - c.OldStart + (c.NewEnd - c.NewStart));

    /// <summary>Compares two texts token by token with DiffPlex.</summary>
    public static TokenDiff Compute(string oldText, string newText)
    {
        var result = Differ.Instance.CreateDiffs(
            oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var changes = new List<TokenChange>(result.DiffBlocks.Count);
        foreach (var block in result.DiffBlocks.OrderBy(b => b.DeleteStartA))
        {
            var change = new TokenChange(
                block.DeleteStartA, block.DeleteStartA + block.DeleteCountA,
                block.InsertStartB, block.InsertStartB + block.InsertCountB);
            if (change.OldStart == change.OldEnd && change.NewStart == change.NewEnd)
            {
                continue;
            }

            // Blocks that touch describe one change; keep the invariant that changes are separated by a kept token.
            if (changes.Count > 0 && changes[^1].OldEnd == change.OldStart && changes[^1].NewEnd == change.NewStart)
            {
                changes[^1] = changes[^1] with { OldEnd = change.OldEnd, NewEnd = change.NewEnd };
            }
            else
            {
                changes.Add(change);
            }
        }

        return new TokenDiff(result.PiecesOld, result.PiecesNew, changes);
    }

    /// <summary>
    /// For each old token, the index of the new token it is kept as, or -1 when the change deletes or replaces it.
    /// </summary>
    public int[] MapOldToNew() => MapOldToNew(Changes);

    /// <summary>
    /// <see cref="MapOldToNew()"/> for an equivalent list of changes (the same diff with changes slid, see
    /// <see cref="Slide"/>).
    /// </summary>
    public int[] MapOldToNew(IReadOnlyList<TokenChange> changes)
    {
        var map = new int[OldTokens.Count];
        int oldIndex = 0, newIndex = 0;
        foreach (var change in changes)
        {
            for (; oldIndex < change.OldStart; oldIndex++, newIndex++)
            {
                map[oldIndex] = newIndex;
            }

            for (; oldIndex < change.OldEnd; oldIndex++)
            {
                map[oldIndex] = -1;
            }

            newIndex = change.NewEnd;
        }

        for (; oldIndex < map.Length; oldIndex++, newIndex++)
        {
            map[oldIndex] = newIndex;
        }

        return map;
    }

    /// <summary>
    /// The places a pure insertion or pure deletion could equally be shown at: sliding it one token left or right
    /// describes the same texts when the token it uncovers equals the one it covers, as with "each other" deleted from
    /// "each other other". Replacements do not slide. The change stays between its neighbours.
    /// </summary>
    /// <param name="index">The index of the change in <see cref="Changes"/>.</param>
    /// <returns>The equivalent changes, from leftmost to rightmost, the change itself included.</returns>
    public IReadOnlyList<TokenChange> Slide(int index)
    {
        var change = Changes[index];
        var (tokens, start, end) = change.IsInsertion
            ? (NewTokens, change.NewStart, change.NewEnd)
            : change.NewStart == change.NewEnd ? (OldTokens, change.OldStart, change.OldEnd) : (null, 0, 0);
        if (tokens is null)
        {
            return [change];
        }

        // Kept tokens between the neighbouring changes bound the slide, on the old side as on the new.
        var leftBound = index > 0 ? Changes[index - 1].OldEnd : 0;
        var rightBound = index + 1 < Changes.Count ? Changes[index + 1].OldStart : OldTokens.Count;
        var left = 0;
        while (change.OldStart - left - 1 >= leftBound && start - left - 1 >= 0
            && tokens[start - left - 1] == tokens[end - left - 1])
        {
            left++;
        }

        var right = 0;
        var limit = change.IsInsertion ? NewTokens.Count : OldTokens.Count;
        while (change.OldEnd + right < rightBound && end + right < limit && tokens[start + right] == tokens[end + right])
        {
            right++;
        }

        return Enumerable.Range(-left, left + right + 1)
            .Select(shift => new TokenChange(
                change.OldStart + shift, change.OldEnd + shift, change.NewStart + shift, change.NewEnd + shift))
            .ToList();
    }

    /// <summary>The index of the token that contains the character at <paramref name="offset"/>.</summary>
    public static int TokenAt(int[] offsets, int offset)
    {
        // offsets has one more entry than there are tokens; the last is the text's length.
        var index = Array.BinarySearch(offsets, 0, offsets.Length - 1, offset);
        return index >= 0 ? index : ~index - 1;
    }

    private static int[] Offsets(IReadOnlyList<string> tokens)
    {
        var offsets = new int[tokens.Count + 1];
        for (var i = 0; i < tokens.Count; i++)
        {
            offsets[i + 1] = offsets[i] + tokens[i].Length;
        }

        return offsets;
    }
}
