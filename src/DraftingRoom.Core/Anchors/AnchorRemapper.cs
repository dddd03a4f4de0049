using DraftingRoom.Core.Diff;
using DraftingRoom.Core.Merging;

namespace DraftingRoom.Core.Anchors;

/// <summary>
/// Carries a comment's anchor over to a new official revision of its text, through the word-level diff of the two
/// revisions (DiffPlex over <see cref="WordChunker"/> tokens).
/// </summary>
/// <remarks>
/// <para>
/// The anchor follows the diff's positional mapping of the quoted tokens (those the span overlaps, even in part), not
/// a search for the first occurrence of the quote, so it does not jump to other occurrences of the same words.
/// </para>
/// <list type="bullet">
/// <item><see cref="AnchorStatus.Kept"/>: every quoted token is unchanged and nothing was inserted among them; the
/// span moves with the text before it and quotes the same text. A minimal diff counts every token alike, so it may
/// break up an intact quote to keep a couple of spaces or dashes next to it instead. The quote is therefore also
/// looked for intact at its occurrences nearest to where it was. An occurrence is taken when it lies between the
/// nearest words the diff keeps on either side of the quote, or else when diffing the texts before and after it
/// costs no more than the plain diff plus deleting and retyping the quote; an occurrence elsewhere in the text is
/// neither, since everything in between would count as moved.</item>
/// <item><see cref="AnchorStatus.Changed"/>: more than half of the quoted words survive (counting punctuation
/// instead when the quote has no word, and white space when it has neither). The new span runs from the first to
/// the last surviving or new token among them: words inserted or substituted inside the quote are included; a
/// change that reaches beyond either end of the quote is left out. White space at either end of the old quote is
/// kept where the same white space still borders the remapped words, and white space the new span would gain at
/// either end is trimmed.</item>
/// <item><see cref="AnchorStatus.Lost"/>: half of the quoted words or more were deleted or rewritten. The comment
/// then refers to the earlier revision. Text moved elsewhere counts as deleted: the diff sees a move as a deletion
/// and an insertion.</item>
/// </list>
/// <para>
/// Where the diff could show an insertion or deletion at several equivalent places (deleting one "shall" of
/// "shall shall"), the place fairest to the quote is taken: outside the quote if it can be; otherwise, for a
/// deletion, over as much of the quote as it can, so that an ambiguous deletion loses the anchor rather than
/// leaves it half on look-alike words. Where the texts themselves are ambiguous, the anchor stays on the words
/// that remain: "States shall cooperate. States shall assist." losing "States shall cooperate. " is the same edit
/// as losing "cooperate. States shall ", so an anchor on the first "States shall" is kept on the second.
/// </para>
/// </remarks>
public static class AnchorRemapper
{
    /// <summary>Remaps an anchor from one revision of a text to the next.</summary>
    /// <param name="anchor">An anchor in <paramref name="oldText"/>.</param>
    /// <param name="oldText">The revision the anchor was made on (or last remapped to).</param>
    /// <param name="newText">The new revision.</param>
    /// <returns>The anchor in <paramref name="newText"/> with its status, or <see cref="AnchorUpdate.Lost"/>.</returns>
    /// <exception cref="AnchorException">The anchor does not quote <paramref name="oldText"/>.</exception>
    public static AnchorUpdate Remap(TextAnchor anchor, string oldText, string newText)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        anchor.EnsureQuotes(oldText, nameof(oldText));
        if (oldText == newText)
        {
            return new AnchorUpdate(AnchorStatus.Kept, anchor);
        }

        var diff = TokenDiff.Compute(oldText, newText);
        var update = RemapThroughDiff(anchor, diff, newText);
        return update.Status != AnchorStatus.Kept && FindIntact(anchor, oldText, newText, diff) is { } intact
            ? new AnchorUpdate(AnchorStatus.Kept, intact)
            : update;
    }

    /// <summary>
    /// Remaps through the positional mapping of the diff. White space at the ends of the quote is set aside and put
    /// back where it still borders the result: the tokeniser joins it with any white space typed next to it, which
    /// would otherwise count as a change of the quote.
    /// </summary>
    private static AnchorUpdate RemapThroughDiff(TextAnchor anchor, TokenDiff diff, string newText)
    {
        var quote = anchor.Quote;
        var leading = quote.Length - quote.TrimStart().Length;
        var trailing = quote.Length - quote.TrimEnd().Length;
        if (leading == 0 && trailing == 0 || leading == quote.Length)
        {
            return RemapCore(anchor, diff, newText);
        }

        var core = new TextAnchor(anchor.Start + leading, anchor.End - trailing, quote[leading..^trailing]);
        if (RemapCore(core, diff, newText).Anchor is not { } moved)
        {
            return AnchorUpdate.Lost;
        }

        var start = moved.Start;
        var end = moved.End;
        if (start >= leading && newText.AsSpan(start - leading, leading).SequenceEqual(quote.AsSpan(0, leading)))
        {
            start -= leading;
        }

        if (newText.Length - end >= trailing && newText.AsSpan(end, trailing).SequenceEqual(quote.AsSpan(quote.Length - trailing)))
        {
            end += trailing;
        }

        return AnchorUpdate.For(anchor, new TextAnchor(start, end, newText[start..end]));
    }

    /// <summary>Remaps a quote without white space at its ends through the positional mapping of the diff.</summary>
    private static AnchorUpdate RemapCore(TextAnchor anchor, TokenDiff diff, string newText)
    {
        var first = TokenDiff.TokenAt(diff.OldOffsets, anchor.Start);
        var last = TokenDiff.TokenAt(diff.OldOffsets, anchor.End - 1);
        var quoted = Enumerable.Range(first, last - first + 1).ToList();
        var counts = Counted(diff, first, last);
        var changes = PlaceAroundQuote(diff, first, last, i => counts(diff.OldTokens[i]));
        var map = diff.MapOldToNew(changes);
        var total = quoted.Count(i => counts(diff.OldTokens[i]));
        var surviving = quoted.Count(i => counts(diff.OldTokens[i]) && map[i] >= 0);
        if (surviving * 2 <= total)
        {
            return AnchorUpdate.Lost;
        }

        // The new tokens the quote became: its kept tokens and whatever changes lie wholly inside it.
        var newFirst = int.MaxValue;
        var newLast = int.MinValue;
        foreach (var i in quoted.Where(i => map[i] >= 0))
        {
            newFirst = Math.Min(newFirst, map[i]);
            newLast = Math.Max(newLast, map[i]);
        }

        foreach (var change in changes)
        {
            var inside = change.IsInsertion
                ? first < change.OldStart && change.OldStart <= last
                : first <= change.OldStart && change.OldEnd <= last + 1;
            if (inside && change.NewStart < change.NewEnd)
            {
                newFirst = Math.Min(newFirst, change.NewStart);
                newLast = Math.Max(newLast, change.NewEnd - 1);
            }
        }

        // Where the first or last quoted token is kept, the span starts or ends within it as the old one did.
        var start = map[first] == newFirst
            ? diff.NewOffsets[newFirst] + (anchor.Start - diff.OldOffsets[first])
            : diff.NewOffsets[newFirst];
        var end = map[last] == newLast
            ? diff.NewOffsets[newLast] + (anchor.End - diff.OldOffsets[last])
            : diff.NewOffsets[newLast + 1];
        if (!char.IsWhiteSpace(anchor.Quote[0]))
        {
            while (start < end && char.IsWhiteSpace(newText[start]))
            {
                start++;
            }
        }

        if (!char.IsWhiteSpace(anchor.Quote[^1]))
        {
            while (end > start && char.IsWhiteSpace(newText[end - 1]))
            {
                end--;
            }
        }

        return start < end
            ? AnchorUpdate.For(anchor, new TextAnchor(start, end, newText[start..end]))
            : AnchorUpdate.Lost;
    }

    /// <summary>Which quoted tokens count: words, else punctuation, else white space.</summary>
    private static Func<string, bool> Counted(TokenDiff diff, int first, int last)
    {
        var quoted = Enumerable.Range(first, last - first + 1).Select(i => diff.OldTokens[i]).ToList();
        return quoted.Any(WordChunker.IsWord) ? WordChunker.IsWord
            : quoted.Any(t => !string.IsNullOrWhiteSpace(t)) ? t => !string.IsNullOrWhiteSpace(t)
            : _ => true;
    }

    /// <summary>
    /// Looks for the quote intact where the diff rewrote the text around it (see the remarks on
    /// <see cref="AnchorRemapper"/>).
    /// </summary>
    /// <returns>The anchor at the chosen occurrence, or <see langword="null"/>.</returns>
    private static TextAnchor? FindIntact(TextAnchor anchor, string oldText, string newText, TokenDiff diff)
    {
        const int MaxCandidates = 16;
        var candidates = new List<int>();
        for (var at = newText.IndexOf(anchor.Quote, StringComparison.Ordinal); at >= 0;
             at = at + 1 < newText.Length ? newText.IndexOf(anchor.Quote, at + 1, StringComparison.Ordinal) : -1)
        {
            candidates.Add(at);
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // The stretch of the new text between the nearest words kept on either side of the quote.
        var first = TokenDiff.TokenAt(diff.OldOffsets, anchor.Start);
        var last = TokenDiff.TokenAt(diff.OldOffsets, anchor.End - 1);
        var map = diff.MapOldToNew();
        var windowStart = 0;
        for (var i = first - 1; i >= 0; i--)
        {
            if (map[i] >= 0 && WordChunker.IsWord(diff.OldTokens[i]))
            {
                windowStart = diff.NewOffsets[map[i] + 1];
                break;
            }
        }

        var windowEnd = newText.Length;
        for (var i = last + 1; i < map.Length; i++)
        {
            if (map[i] >= 0 && WordChunker.IsWord(diff.OldTokens[i]))
            {
                windowEnd = diff.NewOffsets[map[i]];
                break;
            }
        }

        // Where the quote would start if only the changes wholly before it moved it.
        var expected = anchor.Start + diff.Changes
            .Where(c => c.OldEnd <= first)
            .Sum(c => diff.NewOffsets[c.NewEnd] - diff.NewOffsets[c.NewStart] - (diff.OldOffsets[c.OldEnd] - diff.OldOffsets[c.OldStart]));
        var budget = diff.Cost + 2 * WordChunker.Instance.Chunk(anchor.Quote).Count;
        var oldBefore = oldText[..anchor.Start];
        var oldAfter = oldText[anchor.End..];
        var best = candidates
            .OrderBy(at => Math.Abs(at - expected))
            .Take(MaxCandidates)
            .Select(at => (
                At: at,
                InWindow: at >= windowStart && at + anchor.Length <= windowEnd,
                Cost: TokenDiff.Compute(oldBefore, newText[..at]).Cost
                    + TokenDiff.Compute(oldAfter, newText[(at + anchor.Length)..]).Cost))
            .Where(c => c.InWindow || c.Cost <= budget)
            .OrderByDescending(c => c.InWindow)
            .ThenBy(c => c.Cost)
            .ThenBy(c => Math.Abs(c.At - expected))
            .Select(c => (int?)c.At)
            .FirstOrDefault();
        return best is { } start ? new TextAnchor(start, start + anchor.Length, anchor.Quote) : null;
    }

    /// <summary>
    /// Chooses, for each insertion or deletion the diff could show at several equivalent places, the place that is
    /// fairest to the quote (old tokens <c>[first, last]</c>): an insertion outside the quote rather than inside it;
    /// a deletion clear of the quote rather than across it, and otherwise over as many of its counted tokens as
    /// possible, so that an ambiguous deletion loses the anchor rather than leaves it on look-alike words.
    /// </summary>
    private static List<TokenChange> PlaceAroundQuote(TokenDiff diff, int first, int last, Func<int, bool> counts)
    {
        var changes = new List<TokenChange>(diff.Changes.Count);
        for (var index = 0; index < diff.Changes.Count; index++)
        {
            var original = diff.Changes[index];
            var options = diff.Slide(index)
                .Where(o => changes.Count == 0 || (o.OldStart >= changes[^1].OldEnd && o.NewStart >= changes[^1].NewEnd))
                .ToList();
            var chosen = original;
            if (options.Count > 1 && original.IsInsertion)
            {
                bool Inside(TokenChange c) => first < c.OldStart && c.OldStart <= last;
                if (Inside(original))
                {
                    chosen = options.Where(o => !Inside(o)).DefaultIfEmpty(original).First();
                }
            }
            else if (options.Count > 1)
            {
                int Overlap(TokenChange c, Func<int, bool> which) =>
                    Enumerable.Range(c.OldStart, c.OldEnd - c.OldStart).Count(i => i >= first && i <= last && which(i));
                var clear = options.Where(o => Overlap(o, _ => true) == 0).ToList();
                chosen = clear.Count > 0
                    ? (clear.Contains(original) ? original : clear[0])
                    : options.OrderByDescending(o => Overlap(o, counts)).ThenBy(o => o == original ? 0 : 1).First();
            }

            changes.Add(chosen);
        }

        return changes;
    }
}
