using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Versions;

/// <summary>
/// The word pairs of a text, counted, for telling how much two provisions have in common. Pairs of consecutive
/// words (lower case, punctuation skipped) tell texts apart much better than single words, which unrelated
/// provisions of one declaration share in large numbers ("the", "right", "States"). A text of one word counts that
/// word. Chinese and Japanese ideographs are words of their own, so their pairs are character pairs.
/// </summary>
internal sealed class TextFingerprint
{
    private readonly Dictionary<string, int> _counts;

    private TextFingerprint(Dictionary<string, int> counts, int total)
    {
        _counts = counts;
        Total = total;
    }

    /// <summary>How many pairs the text has, repeated ones counted each time.</summary>
    public int Total { get; }

    public static TextFingerprint Of(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        string? previous = null;
        var words = 0;
        foreach (var token in WordChunker.Instance.Chunk(text))
        {
            if (!WordChunker.IsWord(token))
            {
                continue;
            }

            var word = token.ToLowerInvariant();
            if (previous is not null)
            {
                var pair = string.Concat(previous, "\u0001", word);
                counts[pair] = counts.GetValueOrDefault(pair) + 1;
            }

            previous = word;
            words++;
        }

        if (words == 1)
        {
            counts[previous!] = 1;
        }

        return new TextFingerprint(counts, counts.Values.Sum());
    }

    /// <summary>Adds fingerprints together, as if their texts were one.</summary>
    public static TextFingerprint Sum(IEnumerable<TextFingerprint> parts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (key, count) in part._counts)
            {
                counts[key] = counts.GetValueOrDefault(key) + count;
            }
        }

        return new TextFingerprint(counts, counts.Values.Sum());
    }

    /// <summary>How many pairs the two texts share (each pair counted as often as both have it).</summary>
    public int Common(TextFingerprint other)
    {
        var (small, large) = _counts.Count <= other._counts.Count ? (this, other) : (other, this);
        var common = 0;
        foreach (var (key, count) in small._counts)
        {
            common += Math.Min(count, large._counts.GetValueOrDefault(key));
        }

        return common;
    }

    /// <summary>The Dice coefficient: twice the shared pairs over all pairs; 1 for two empty texts.</summary>
    public double Similarity(TextFingerprint other) =>
        Total + other.Total == 0 ? 1 : 2.0 * Common(other) / (Total + other.Total);

    /// <summary>How much of this text is found in the other one, from 0 to 1; 0 for an empty text.</summary>
    public double ContainedIn(TextFingerprint other) => Total == 0 ? 0 : (double)Common(other) / Total;
}
