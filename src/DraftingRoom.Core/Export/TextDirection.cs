using System.Text;

namespace DraftingRoom.Core.Export;

/// <summary>Tells texts in right-to-left scripts (Arabic, Hebrew and their neighbours) from the others.</summary>
internal static class TextDirection
{
    /// <summary>Whether the first letter of the text belongs to a right-to-left script.</summary>
    public static bool IsRightToLeft(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune))
            {
                continue;
            }

            return rune.Value is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF
                or >= 0x10800 and <= 0x10FFF or >= 0x1E800 and <= 0x1EFFF;
        }

        return false;
    }
}
