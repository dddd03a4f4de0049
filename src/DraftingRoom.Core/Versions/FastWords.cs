namespace DraftingRoom.Core.Versions;

/// <summary>
/// Finds the words of texts in Latin script without <see cref="Diff.WordChunker"/>'s per-character grapheme
/// analysis, which dominates the cost of matching long versions. It gives exactly the chunker's words (letters
/// and digits, with an apostrophe between two of them) for texts made only of characters below U+0300 and of
/// general punctuation (dashes, quotation marks, bullets); for any other text it declines, and the chunker is used.
/// </summary>
internal static class FastWords
{
    /// <summary>The start and length of each word, or <see langword="false"/> when the text needs the chunker.</summary>
    public static bool TryScan(string text, out List<(int Start, int Length)> words)
    {
        words = new List<(int, int)>(text.Length / 6);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsSimple(c))
            {
                return false;
            }

            if (!IsWordCharacter(c))
            {
                i++;
                continue;
            }

            var start = i++;
            while (i < text.Length)
            {
                var d = text[i];
                if (!IsSimple(d))
                {
                    return false;
                }

                if (IsWordCharacter(d))
                {
                    i++;
                }
                else if (d is '\'' or '\u2019' && i + 1 < text.Length && IsSimple(text[i + 1]) && IsWordCharacter(text[i + 1]))
                {
                    i += 2;
                }
                else
                {
                    break;
                }
            }

            words.Add((start, i - start));
        }

        return true;
    }

    // Characters that are a grapheme of their own (CR LF aside, both white space) whatever follows them: below the
    // combining diacritical marks, or general punctuation other than joiners, directional marks and separators.
    private static bool IsSimple(char c) => c < '\u0300' || c is >= '\u2010' and <= '\u2027' or >= '\u2030' and <= '\u205E';

    private static bool IsWordCharacter(char c) => c < '\u0300' && char.IsLetterOrDigit(c);
}
