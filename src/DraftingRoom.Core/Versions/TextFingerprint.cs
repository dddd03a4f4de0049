using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Versions;

/// <summary>
/// The word pairs of a text, counted, for telling how much two provisions have in common. Pairs of consecutive
/// words (case ignored, punctuation skipped) tell texts apart much better than single words, which unrelated
/// provisions of one declaration share in large numbers ("the", "right", "States"). A text of one word counts that
/// word. Chinese and Japanese ideographs are words of their own, so their pairs are character pairs.
/// </summary>
internal sealed class TextFingerprint
{
    // The distinct pairs, sorted, and how often each occurs: two fingerprints compare in one merge.
    private readonly long[] _keys;
    private readonly int[] _counts;

    private TextFingerprint(long[] keys, int[] counts, int words)
    {
        _keys = keys;
        _counts = counts;
        Words = words;
        Total = counts.Sum();
    }

    /// <summary>How many pairs the text has, repeated ones counted each time.</summary>
    public int Total { get; }

    /// <summary>How many words the text has, as <see cref="WordDiff"/> counts them.</summary>
    public int Words { get; }

    /// <summary>Reads a text's word pairs; words are numbered by the vocabulary, which texts compared together share.</summary>
    public static TextFingerprint Of(string text, Vocabulary vocabulary)
    {
        var words = WordIds(text, vocabulary);
        long[] pairs;
        if (words.Count == 1)
        {
            pairs = [-1L - words[0]]; // negative: never equal to a pair
        }
        else
        {
            pairs = new long[Math.Max(0, words.Count - 1)];
            for (var i = 1; i < words.Count; i++)
            {
                pairs[i - 1] = ((long)words[i - 1] << 32) | (uint)words[i];
            }
        }

        Array.Sort(pairs);
        return FromSorted(pairs, words.Count);
    }

    /// <summary>Groups sorted pair keys into distinct keys and counts.</summary>
    private static TextFingerprint FromSorted(long[] sorted, int words)
    {
        var keys = new List<long>(sorted.Length);
        var counts = new List<int>(sorted.Length);
        foreach (var key in sorted)
        {
            if (keys.Count > 0 && keys[^1] == key)
            {
                counts[^1]++;
            }
            else
            {
                keys.Add(key);
                counts.Add(1);
            }
        }

        return new TextFingerprint([.. keys], [.. counts], words);
    }

    /// <summary>The words of a text, as <see cref="WordChunker"/> finds them, numbered by the vocabulary.</summary>
    internal static List<int> WordIds(string text, Vocabulary vocabulary)
    {
        var ids = new List<int>(text.Length / 6);
        if (FastWords.TryScan(text, out var spans))
        {
            foreach (var (start, length) in spans)
            {
                ids.Add(vocabulary.Id(text.AsSpan(start, length)));
            }
        }
        else
        {
            foreach (var token in WordChunker.Instance.Chunk(text))
            {
                if (WordChunker.IsWord(token))
                {
                    ids.Add(vocabulary.Id(token));
                }
            }
        }

        return ids;
    }

    /// <summary>Adds fingerprints together, as if their texts were one.</summary>
    public static TextFingerprint Sum(IReadOnlyCollection<TextFingerprint> parts)
    {
        if (parts.Count == 1)
        {
            return parts.First();
        }

        var all = new List<long>(parts.Sum(p => p.Total));
        foreach (var part in parts)
        {
            for (var k = 0; k < part._keys.Length; k++)
            {
                for (var c = 0; c < part._counts[k]; c++)
                {
                    all.Add(part._keys[k]);
                }
            }
        }

        var sorted = all.ToArray();
        Array.Sort(sorted);
        return FromSorted(sorted, parts.Sum(p => p.Words));
    }

    /// <summary>How many pairs the two texts share (each pair counted as often as both have it).</summary>
    public int Common(TextFingerprint other)
    {
        long[] a = _keys, b = other._keys;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (a[i] > b[j])
            {
                j++;
            }
            else
            {
                common += Math.Min(_counts[i++], other._counts[j++]);
            }
        }

        return common;
    }

    /// <summary>The Dice coefficient: twice the shared pairs over all pairs; 1 for two empty texts.</summary>
    public double Similarity(TextFingerprint other) =>
        Total + other.Total == 0 ? 1 : 2.0 * Common(other) / (Total + other.Total);

    /// <summary>How much of this text is found in the other one, from 0 to 1; 0 for an empty text.</summary>
    public double ContainedIn(TextFingerprint other) => Total == 0 ? 0 : (double)Common(other) / Total;

    /// <summary>Numbers words, case ignored, so that fingerprints compare numbers rather than strings.</summary>
    internal sealed class Vocabulary
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.OrdinalIgnoreCase);

        public int Id(string word)
        {
            if (!_ids.TryGetValue(word, out var id))
            {
                _ids[word] = id = _ids.Count;
            }

            return id;
        }

        public int Id(ReadOnlySpan<char> word)
        {
            var lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(word, out var id))
            {
                lookup[word] = id = _ids.Count;
            }

            return id;
        }
    }
}
