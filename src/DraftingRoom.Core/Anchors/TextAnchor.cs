using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Anchors;

/// <summary>
/// The span of text a comment is attached to: UTF-16 positions <c>[Start, End)</c> in one version of the text, and
/// the words found there when the comment was made. A span is never empty and never splits a character made of two
/// UTF-16 code units (a surrogate pair, such as an emoji).
/// </summary>
public sealed record TextAnchor
{
    /// <summary>Makes an anchor from its parts; <see cref="Create"/> makes one from a text.</summary>
    /// <param name="start">The position of the first quoted code unit.</param>
    /// <param name="end">The position just after the last quoted code unit.</param>
    /// <param name="quote">The quoted text, <c>end - start</c> code units long.</param>
    /// <exception cref="AnchorException">The positions are negative or not in order, or the quote does not have
    /// their length or starts or ends with half of a surrogate pair.</exception>
    public TextAnchor(int start, int end, string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        if (start < 0)
        {
            throw new AnchorException(nameof(start), start, $"An anchor cannot start before the text (at {start}).");
        }

        if (end <= start)
        {
            throw new AnchorException(
                nameof(end), end, $"An anchor must end after it starts: it starts at {start} and ends at {end}.");
        }

        if (quote.Length != end - start)
        {
            throw new AnchorException(
                nameof(quote), quote,
                $"The quote has {quote.Length} characters but the anchor spans {end - start} (from {start} to {end}).");
        }

        if (char.IsLowSurrogate(quote[0]) || char.IsHighSurrogate(quote[^1]))
        {
            throw new AnchorException(
                nameof(quote), quote,
                "The quote starts or ends in the middle of a character made of two UTF-16 code units (a surrogate "
                + "pair, such as an emoji).");
        }

        Start = start;
        End = end;
        Quote = quote;
    }

    /// <summary>The position of the first quoted code unit.</summary>
    public int Start { get; }

    /// <summary>The position just after the last quoted code unit.</summary>
    public int End { get; }

    /// <summary>The quoted text: the text between <see cref="Start"/> and <see cref="End"/> in its version.</summary>
    public string Quote { get; }

    /// <summary>The number of quoted UTF-16 code units.</summary>
    public int Length => End - Start;

    /// <summary>Anchors a comment to <c>text[start..end]</c>.</summary>
    /// <param name="text">The text commented on.</param>
    /// <param name="start">The position of the first quoted code unit.</param>
    /// <param name="end">The position just after the last quoted code unit.</param>
    /// <returns>The anchor, quoting the text between the positions.</returns>
    /// <exception cref="AnchorException">The span is outside the text, empty or reversed, or a position falls
    /// between the two halves of a surrogate pair.</exception>
    public static TextAnchor Create(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (start < 0 || start > text.Length)
        {
            throw new AnchorException(
                nameof(start), start, $"The anchor starts at {start}, outside the text, which has {text.Length} characters.");
        }

        if (end < 0 || end > text.Length)
        {
            throw new AnchorException(
                nameof(end), end, $"The anchor ends at {end}, outside the text, which has {text.Length} characters.");
        }

        if (end == start)
        {
            throw new AnchorException(nameof(end), end, $"The anchor is empty (it starts and ends at {start}): a comment must quote some text.");
        }

        if (end < start)
        {
            throw new AnchorException(nameof(end), end, $"The anchor ends at {end}, before its start at {start}.");
        }

        EnsureNotInsidePair(text, start, nameof(start));
        EnsureNotInsidePair(text, end, nameof(end));
        return new TextAnchor(start, end, text[start..end]);
    }

    /// <summary>The anchor as it reads in <paramref name="text"/>, checked to be the same version.</summary>
    internal void EnsureQuotes(string text, string paramName)
    {
        if (End > text.Length || !text.AsSpan(Start, Length).SequenceEqual(Quote))
        {
            throw new AnchorException(
                paramName, End,
                End > text.Length
                    ? $"The anchor ends at {End} but the text has {text.Length} characters: it belongs to another version."
                    : $"The text between {Start} and {End} is not the anchor's quote \"{Quote}\": it belongs to another version.");
        }
    }

    private static void EnsureNotInsidePair(string text, int position, string paramName)
    {
        if (position > 0 && position < text.Length && Utf16.SplitsPair(text[position - 1], text[position]))
        {
            throw new AnchorException(
                paramName, position,
                $"Position {position} falls inside a character made of two UTF-16 code units (a surrogate pair, such "
                + "as an emoji); an anchor must keep such characters whole.");
        }
    }
}
