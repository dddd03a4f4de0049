using System.Text.RegularExpressions;
using DiffPlex;

namespace DraftingRoom.Core.Diff;

/// <summary>
/// Builds a <see cref="SideBySideDiff"/>: aligns the paragraphs of two versions, then compares paired paragraphs word
/// by word.
/// </summary>
internal static partial class ParagraphAligner
{
    // Two paragraphs that share fewer words than this (Dice coefficient) are shown as a deletion and an insertion
    // rather than as one modified paragraph, unless the change replaces as many paragraphs as it removes.
    private const double MinSimilarity = 0.3;

    // Above this many candidate pairs within one change, paragraphs are paired by position: the alignment is
    // quadratic and such changes are rewrites anyway.
    private const int MaxPairsToScore = 2_500;

    public static SideBySideDiff Align(string oldText, string newText)
    {
        var chunker = new ParagraphChunker();
        var result = Differ.Instance.CreateDiffs(oldText, newText, ignoreWhiteSpace: false, ignoreCase: false, chunker);
        var oldParagraphs = result.PiecesOld;
        var newParagraphs = result.PiecesNew;
        var rows = new List<SideBySideRow>();
        int wordsInserted = 0, wordsDeleted = 0;
        int a = 0, b = 0;

        void AddUnchangedUpTo(int oldEnd)
        {
            for (; a < oldEnd; a++, b++)
            {
                rows.Add(new SideBySideRow(
                    SideBySideRowKind.Unchanged,
                    Cell(a, DiffSegmentKind.Unchanged, oldParagraphs[a]),
                    Cell(b, DiffSegmentKind.Unchanged, newParagraphs[b])));
            }
        }

        foreach (var block in result.DiffBlocks.OrderBy(x => x.DeleteStartA))
        {
            AddUnchangedUpTo(block.DeleteStartA);
            var deleted = Enumerable.Range(a, block.DeleteCountA).ToList();
            var inserted = Enumerable.Range(block.InsertStartB, block.InsertCountB).ToList();
            foreach (var (oldIndex, newIndex) in Pair(deleted, inserted, oldParagraphs, newParagraphs))
            {
                switch (oldIndex, newIndex)
                {
                    case ({ } o, { } n):
                        var diff = WordDiff.Compare(oldParagraphs[o], newParagraphs[n]);
                        wordsInserted += diff.WordsInserted;
                        wordsDeleted += diff.WordsDeleted;
                        rows.Add(new SideBySideRow(
                            SideBySideRowKind.Modified,
                            new DiffCell(o, Side(diff.Segments, DiffSegmentKind.Deleted)),
                            new DiffCell(n, Side(diff.Segments, DiffSegmentKind.Inserted))));
                        break;
                    case ({ } o, null):
                        wordsDeleted += WordChunker.CountWords(oldParagraphs[o]);
                        rows.Add(new SideBySideRow(SideBySideRowKind.Deleted, Cell(o, DiffSegmentKind.Deleted, oldParagraphs[o]), null));
                        break;
                    case (null, { } n):
                        wordsInserted += WordChunker.CountWords(newParagraphs[n]);
                        rows.Add(new SideBySideRow(SideBySideRowKind.Inserted, null, Cell(n, DiffSegmentKind.Inserted, newParagraphs[n])));
                        break;
                }
            }

            a += block.DeleteCountA;
            b = block.InsertStartB + block.InsertCountB;
        }

        AddUnchangedUpTo(oldParagraphs.Count);
        return new SideBySideDiff(rows, wordsInserted, wordsDeleted);
    }

    /// <summary>Splits a text into paragraphs: blank lines separate them; their ends are trimmed; empty ones dropped.</summary>
    internal static IReadOnlyList<string> SplitParagraphs(string text) =>
        BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToList();

    /// <summary>
    /// Pairs the paragraphs one change removes with those it adds, keeping both orders and maximising how similar
    /// the paired paragraphs are. Unpaired paragraphs come back with <see langword="null"/> on the other side.
    /// </summary>
    private static List<(int? Old, int? New)> Pair(
        List<int> deleted, List<int> inserted, IReadOnlyList<string> oldParagraphs, IReadOnlyList<string> newParagraphs)
    {
        int m = deleted.Count, n = inserted.Count;
        var pairs = new List<(int?, int?)>();
        if (m * n > MaxPairsToScore || m == 0 || n == 0)
        {
            for (var i = 0; i < Math.Max(m, n); i++)
            {
                pairs.Add((i < m ? deleted[i] : null, i < n ? inserted[i] : null));
            }

            return pairs;
        }

        var oldWords = deleted.Select(i => WordBag(oldParagraphs[i])).ToList();
        var newWords = inserted.Select(j => WordBag(newParagraphs[j])).ToList();
        var similarity = new double[m, n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = Dice(oldWords[i], newWords[j]);
                // A small bonus makes any allowed pair better than none: side by side, a rewritten paragraph reads
                // better next to the one it replaces.
                similarity[i, j] = s >= MinSimilarity || m == n ? s + 0.001 : double.NegativeInfinity;
            }
        }

        // best[i, j]: the best total similarity for deleted[i..] and inserted[j..].
        var best = new double[m + 1, n + 1];
        for (var i = m; i >= 0; i--)
        {
            for (var j = n; j >= 0; j--)
            {
                if (i == m || j == n)
                {
                    continue;
                }

                best[i, j] = Math.Max(similarity[i, j] + best[i + 1, j + 1], Math.Max(best[i + 1, j], best[i, j + 1]));
            }
        }

        int x = 0, y = 0;
        while (x < m || y < n)
        {
            if (x < m && y < n && similarity[x, y] > double.NegativeInfinity && best[x, y] == similarity[x, y] + best[x + 1, y + 1])
            {
                pairs.Add((deleted[x++], inserted[y++]));
            }
            else if (x < m && (y == n || best[x, y] == best[x + 1, y]))
            {
                pairs.Add((deleted[x++], null));
            }
            else
            {
                pairs.Add((null, inserted[y++]));
            }
        }

        return pairs;
    }

    private static Dictionary<string, int> WordBag(string paragraph)
    {
        var bag = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var token in WordChunker.Instance.Chunk(paragraph).Where(WordChunker.IsWord))
        {
            bag[token] = bag.GetValueOrDefault(token) + 1;
        }

        return bag;
    }

    private static double Dice(Dictionary<string, int> a, Dictionary<string, int> b)
    {
        var total = a.Values.Sum() + b.Values.Sum();
        if (total == 0)
        {
            return 1;
        }

        var common = a.Sum(pair => Math.Min(pair.Value, b.GetValueOrDefault(pair.Key)));
        return 2.0 * common / total;
    }

    private static DiffCell Cell(int index, DiffSegmentKind kind, string text) => new(index, [new DiffSegment(kind, text)]);

    /// <summary>One side of a word diff: the unchanged segments and the given kind of change, merged where adjacent.</summary>
    private static List<DiffSegment> Side(IReadOnlyList<DiffSegment> segments, DiffSegmentKind change)
    {
        var side = new List<DiffSegment>();
        foreach (var segment in segments.Where(s => s.Kind == DiffSegmentKind.Unchanged || s.Kind == change))
        {
            if (side.Count > 0 && side[^1].Kind == segment.Kind)
            {
                side[^1] = segment with { Text = side[^1].Text + segment.Text };
            }
            else
            {
                side.Add(segment);
            }
        }

        return side;
    }

    private sealed class ParagraphChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text) => SplitParagraphs(text);
    }

    [GeneratedRegex(@"\n[ \t]*(?:\n[ \t]*)+")]
    private static partial Regex BlankLines();
}
