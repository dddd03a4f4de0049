using System.Globalization;
using System.Text;
using DiffPlex;

namespace DraftingRoom.Core.Diff;

/// <summary>
/// Splits text into the tokens a word-level diff compares: words, runs of white space, and single punctuation marks
/// or symbols. Concatenating the tokens gives the text back exactly.
/// </summary>
/// <remarks>
/// Tokens never split a user-perceived character (a grapheme cluster: a surrogate pair, a letter with its combining
/// marks, an emoji sequence). Letters, digits and combining marks of any script make words; an apostrophe between
/// two word characters belongs to the word ("State's", "l'homme"). Each other character (punctuation, symbols,
/// emoji) is a token of its own, so "rights," gives "rights" and ",". Chinese, Japanese kana and other CJK
/// ideographs are written without spaces, so each of them is a word on its own; Korean Hangul, which uses spaces,
/// forms words like Latin scripts. Scripts written without spaces and without ideographs (Thai, Lao, Khmer) form
/// one word per run of letters.
/// </remarks>
public sealed class WordChunker : IChunker
{
    /// <summary>The shared instance; the chunker has no state.</summary>
    public static WordChunker Instance { get; } = new();

    /// <summary>What a token is made of.</summary>
    internal enum TokenKind { Word, WhiteSpace, Other }

    /// <summary>Splits text into tokens.</summary>
    /// <param name="text">The text to split.</param>
    /// <returns>The tokens, in order; empty for an empty text.</returns>
    public IReadOnlyList<string> Chunk(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var start = 0;
        var position = 0;
        (TokenKind Kind, bool StandsAlone)? previous = null;
        while (position < text.Length)
        {
            var length = StringInfo.GetNextTextElementLength(text, position);
            var element = Classify(text, position);
            if (element.Kind == TokenKind.Other && previous is (TokenKind.Word, false) && IsApostrophe(text, position, length)
                && position + length < text.Length && Classify(text, position + length) is (TokenKind.Word, false))
            {
                element = (TokenKind.Word, false);
            }

            var joins = previous is { } p && p.Kind == element.Kind && element.Kind != TokenKind.Other
                && !p.StandsAlone && !element.StandsAlone;
            if (!joins && position > start)
            {
                tokens.Add(text[start..position]);
                start = position;
            }

            previous = element;
            position += length;
        }

        if (position > start)
        {
            tokens.Add(text[start..position]);
        }

        return tokens;
    }

    /// <summary>Whether a token produced by <see cref="Chunk"/> is a word (as opposed to white space or punctuation).</summary>
    internal static bool IsWord(string token) => token.Length > 0 && Classify(token, 0).Kind == TokenKind.Word;

    /// <summary>Counts the words of a text.</summary>
    internal static int CountWords(string text) => Instance.Chunk(text).Count(IsWord);

    private static (TokenKind Kind, bool StandsAlone) Classify(string text, int index)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) != System.Buffers.OperationStatus.Done)
        {
            // A lone surrogate: keep it, on its own.
            return (TokenKind.Other, false);
        }

        if (Rune.IsWhiteSpace(rune))
        {
            return (TokenKind.WhiteSpace, false);
        }

        if (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
        {
            return (TokenKind.Word, IsIdeographic(rune.Value));
        }

        return (TokenKind.Other, false);
    }

    private static bool IsApostrophe(string text, int position, int length) =>
        length == 1 && text[position] is '\'' or '\u2019' or '\u02BC';

    private static bool IsIdeographic(int c) =>
        c is >= 0x3040 and <= 0x30FF   // Hiragana, Katakana
            or >= 0x31F0 and <= 0x31FF // Katakana phonetic extensions
            or >= 0x3400 and <= 0x4DBF // CJK extension A
            or >= 0x4E00 and <= 0x9FFF // CJK unified ideographs
            or >= 0xF900 and <= 0xFAFF // CJK compatibility ideographs
            or >= 0x20000 and <= 0x3FFFF; // CJK extensions B and beyond
}
