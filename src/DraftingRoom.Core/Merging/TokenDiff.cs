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
    public int[] MapOldToNew()
    {
        var map = new int[OldTokens.Count];
        int oldIndex = 0, newIndex = 0;
        foreach (var change in Changes)
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
