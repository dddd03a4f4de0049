using System.Text.RegularExpressions;

namespace DraftingRoom.Core.Import;

/// <summary>Recognisers for the beginnings of lines that matter to the structure rules.</summary>
internal static partial class LinePatterns
{
    /// <summary>
    /// A numbered paragraph ("1. …", "12) …"). It starts a new paragraph of its article even without a blank line
    /// before it, because drafts typed as plain text often put numbered paragraphs on consecutive lines.
    /// </summary>
    public static bool IsNumberedParagraph(string line) => NumberedParagraph().IsMatch(line);

    /// <summary>
    /// A list item: a numbered paragraph, a bullet ("- ", "* ", "• ") or a lettered or roman sub-paragraph ("(a) ",
    /// "b) ", "(iv) "). List items keep their own line instead of being joined to the previous line.
    /// </summary>
    public static bool IsListItem(string line) => NumberedParagraph().IsMatch(line) || OtherListItem().IsMatch(line);

    /// <summary>Collapses runs of spaces and tabs into one space and trims the ends.</summary>
    public static string CollapseSpaces(string line) => SpaceRun().Replace(line, " ").Trim();

    [GeneratedRegex(@"^\d{1,3}[.)]\s+\S")]
    private static partial Regex NumberedParagraph();

    [GeneratedRegex(@"^(?:[-*+•▪◦–]\s+\S|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)\s+\S|(?:[a-z]{1,2}|[ivxlc]{1,6})\)\s+\S)")]
    private static partial Regex OtherListItem();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex SpaceRun();
}
