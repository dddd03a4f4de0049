using System.Text;
using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Merging;

/// <summary>
/// Merges, word by word, a proposal into an official text that moved on since the revision the proposal started
/// from.
/// </summary>
/// <remarks>
/// <para>
/// The three texts are split into <see cref="WordChunker"/> tokens (words, runs of white space, single punctuation
/// marks). DiffPlex compares the base with each side; each side's changes are then laid over the base.
/// (DiffPlex's own <c>ThreeWayDiffer</c> is not used: it only notices overlapping changes when both start at the
/// same token, and drops insertions at the end of the text.)
/// </para>
/// <para>The rules, on base tokens:</para>
/// <list type="bullet">
/// <item>Within one side, two changes separated only by a single white-space token without a line break form one
/// change ("shall respect" → "should protect" is one edit), so that a conflict shows whole phrases.</item>
/// <item>A change of one side and a change of the other conflict when they replace or delete at least one common
/// base token. Replacements of neighbouring tokens do not conflict: one side changing word 3 and the other word 4
/// (only a space between them) or word 5 combine.</item>
/// <item>An insertion conflicts with a change of the other side that replaces or deletes a token next to the
/// insertion point, looking past a white-space token without a line break: where the inserted words belong, or what
/// they qualify, is then ambiguous ("very " inserted before a "closely" the other side deleted, or "closely"
/// inserted after a "cooperate" the other side rewrote). Two different insertions conflict when only such white
/// space separates their insertion points, since their order is then a guess. Looking past the white space makes the
/// outcome independent of whether the diff puts a space before or after the inserted words.</item>
/// <item>Changes that conflict, directly or through a chain, form one region. When both sides turn that region
/// into the same text, it is taken once; otherwise the region is a <see cref="ConflictChunk"/>.</item>
/// </list>
/// <para>
/// Consequently, when one side equals the base the result is exactly the other side, and changes in different
/// paragraphs (which blank lines separate) never conflict.
/// </para>
/// </remarks>
public static class ThreeWayMerge
{
    private enum Side { Ours, Theirs }

    /// <summary>
    /// A change of one side over base tokens <c>[Start, End)</c>; <c>Start == End</c> is an insertion. For an
    /// insertion, <c>[ReachStart, ReachEnd]</c> are the insertion points it shares, extended over a white-space
    /// token without a line break on either side.
    /// </summary>
    private sealed record Edit(Side Side, int Start, int End, string Replacement)
    {
        public bool IsInsertion => Start == End;

        public int ReachStart { get; init; } = Start;

        public int ReachEnd { get; init; } = End;
    }

    /// <summary>Merges two revisions of a common base word by word.</summary>
    /// <param name="baseText">The text both sides started from: the official text the proposal was based on.</param>
    /// <param name="ours">The current official text.</param>
    /// <param name="theirs">The proposal's text.</param>
    /// <returns>The merge, with its conflicts if any.</returns>
    public static MergeResult Merge(string baseText, string ours, string theirs)
    {
        ArgumentNullException.ThrowIfNull(baseText);
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);

        var toOurs = TokenDiff.Compute(baseText, ours);
        var toTheirs = TokenDiff.Compute(baseText, theirs);
        var baseTokens = toOurs.OldTokens;
        var edits = Edits(Side.Ours, toOurs)
            .Concat(Edits(Side.Theirs, toTheirs))
            .OrderBy(e => e.Start)
            .ThenBy(e => e.End)
            .ThenBy(e => e.Side)
            .ToList();

        var chunks = new List<MergeChunk>();
        var position = 0;
        var conflicts = 0;
        foreach (var region in Regions(edits))
        {
            var start = region.Min(e => e.Start);
            var end = region.Max(e => e.End);
            AddUnchanged(chunks, Join(baseTokens, position, start));
            var baseText1 = Join(baseTokens, start, end);
            var oursEdits = region.Where(e => e.Side == Side.Ours).ToList();
            var theirsEdits = region.Where(e => e.Side == Side.Theirs).ToList();
            if (theirsEdits.Count == 0)
            {
                chunks.Add(new ResolvedChunk(baseText1, Apply(baseTokens, start, end, oursEdits), MergeChunkOrigin.Ours));
            }
            else if (oursEdits.Count == 0)
            {
                chunks.Add(new ResolvedChunk(baseText1, Apply(baseTokens, start, end, theirsEdits), MergeChunkOrigin.Theirs));
            }
            else
            {
                var oursText = Apply(baseTokens, start, end, oursEdits);
                var theirsText = Apply(baseTokens, start, end, theirsEdits);
                chunks.Add(oursText == theirsText
                    ? new ResolvedChunk(baseText1, oursText, MergeChunkOrigin.Both)
                    : new ConflictChunk(conflicts++, baseText1, oursText, theirsText));
            }

            position = end;
        }

        AddUnchanged(chunks, Join(baseTokens, position, baseTokens.Count));
        return new MergeResult(chunks);
    }

    /// <summary>The changes of one side, with changes separated by a single line-free white-space token joined.</summary>
    private static List<Edit> Edits(Side side, TokenDiff diff)
    {
        var edits = new List<Edit>(diff.Changes.Count);
        foreach (var change in diff.Changes)
        {
            var replacement = Join(diff.NewTokens, change.NewStart, change.NewEnd);
            if (edits.Count > 0 && edits[^1] is var last && last.End + 1 == change.OldStart
                && IsSpaceWithinLine(diff.OldTokens[last.End]))
            {
                edits[^1] = last with
                {
                    End = change.OldEnd,
                    Replacement = last.Replacement + diff.OldTokens[last.End] + replacement,
                };
            }
            else
            {
                edits.Add(new Edit(side, change.OldStart, change.OldEnd, replacement));
            }
        }

        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].IsInsertion)
            {
                var at = edits[i].Start;
                edits[i] = edits[i] with
                {
                    ReachStart = at > 0 && IsSpaceWithinLine(diff.OldTokens[at - 1]) ? at - 1 : at,
                    ReachEnd = at < diff.OldTokens.Count && IsSpaceWithinLine(diff.OldTokens[at]) ? at + 1 : at,
                };
            }
        }

        return edits;
    }

    /// <summary>
    /// Groups the edits of both sides, sorted by position, into regions of edits that conflict through a chain.
    /// An edit that starts inside the current region joins it too, so regions never interleave.
    /// </summary>
    private static IEnumerable<List<Edit>> Regions(List<Edit> edits)
    {
        var region = new List<Edit>();
        var regionEnd = 0;
        foreach (var edit in edits)
        {
            if (region.Count > 0 && edit.Start >= regionEnd
                && !region.Any(other => other.Side != edit.Side && Conflict(edit, other)))
            {
                yield return region;
                region = [];
            }

            region.Add(edit);
            regionEnd = region.Count == 1 ? edit.End : Math.Max(regionEnd, edit.End);
        }

        if (region.Count > 0)
        {
            yield return region;
        }
    }

    /// <summary>Whether two edits of different sides conflict (see the rules on <see cref="ThreeWayMerge"/>).</summary>
    private static bool Conflict(Edit a, Edit b) => (a.IsInsertion, b.IsInsertion) switch
    {
        (true, true) => a.ReachStart <= b.ReachEnd && b.ReachStart <= a.ReachEnd,
        (true, false) => b.Start <= a.ReachEnd && b.End >= a.ReachStart,
        (false, true) => a.Start <= b.ReachEnd && a.End >= b.ReachStart,
        _ => a.Start < b.End && b.Start < a.End,
    };

    /// <summary>The base tokens <c>[start, end)</c> with one side's edits in that range applied.</summary>
    private static string Apply(IReadOnlyList<string> baseTokens, int start, int end, List<Edit> edits)
    {
        var text = new StringBuilder();
        var position = start;
        foreach (var edit in edits)
        {
            AppendTokens(text, baseTokens, position, edit.Start);
            text.Append(edit.Replacement);
            position = edit.End;
        }

        AppendTokens(text, baseTokens, position, end);
        return text.ToString();
    }

    private static void AddUnchanged(List<MergeChunk> chunks, string text)
    {
        if (text.Length > 0)
        {
            chunks.Add(new ResolvedChunk(text, text, MergeChunkOrigin.Unchanged));
        }
    }

    private static bool IsSpaceWithinLine(string token) =>
        string.IsNullOrWhiteSpace(token) && token.IndexOfAny(['\n', '\r', '\u0085', '\u2028', '\u2029']) < 0;

    private static string Join(IReadOnlyList<string> tokens, int start, int end)
    {
        var text = new StringBuilder();
        AppendTokens(text, tokens, start, end);
        return text.ToString();
    }

    private static void AppendTokens(StringBuilder text, IReadOnlyList<string> tokens, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            text.Append(tokens[i]);
        }
    }
}
