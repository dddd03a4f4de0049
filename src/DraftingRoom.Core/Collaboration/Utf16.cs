namespace DraftingRoom.Core.Collaboration;

/// <summary>UTF-16 well-formedness checks shared by operations and buffers.</summary>
internal static class Utf16
{
    /// <summary>Whether a position falls between the two halves of a surrogate pair.</summary>
    public static bool SplitsPair(char before, char after) => char.IsHighSurrogate(before) && char.IsLowSurrogate(after);

    /// <summary>The index of the first lone surrogate in <paramref name="text"/>, or -1 when it is well formed.</summary>
    public static int FindLoneSurrogate(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsSurrogate(c))
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            return i;
        }

        return -1;
    }

    /// <summary>Counts the surrogate code units in <paramref name="text"/>.</summary>
    public static int CountSurrogates(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            if (char.IsSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }
}
