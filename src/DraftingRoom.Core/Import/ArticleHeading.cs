using System.Text.RegularExpressions;

namespace DraftingRoom.Core.Import;

/// <summary>A line recognised as the start of an article, such as "Article 3 bis — International cooperation".</summary>
/// <param name="Number">The article's label without the word "Article", normalised ("3bis" and "3 BIS" give "3 bis").</param>
/// <param name="Title">The title written on the same line, or <see langword="null"/>.</param>
/// <param name="InlineText">
/// Text of the article written on the heading line itself ("Article 1. Everyone has the right…"), or
/// <see langword="null"/>.
/// </param>
/// <param name="IsBare">The line holds nothing but the word and the number.</param>
/// <param name="IsCapitalised">The word "Article" starts with a capital letter.</param>
internal sealed partial record ArticleHeading(string Number, string? Title, string? InlineText, bool IsBare, bool IsCapitalised)
{
    // Longest title accepted on a plain-text line; anything longer reads as the article's first sentence.
    public const int MaxPlainTitleLength = 80;

    /// <summary>Recognises an article heading.</summary>
    /// <param name="text">The line's text.</param>
    /// <param name="isMarkedUp">
    /// The line is a heading or emphasised. Such lines may separate number and title with a plain space
    /// ("## Article 1 Definitions"); on an ordinary line that would read as prose ("Article 5 of the Covenant").
    /// </param>
    /// <param name="heading">The heading, when the line is one.</param>
    public static bool TryParse(string text, bool isMarkedUp, out ArticleHeading heading)
    {
        heading = null!;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || LinePatterns.IsListItem(trimmed))
        {
            return false;
        }

        // "**Article 1** — Title": emphasis around the heading is markup, not part of number or title.
        if (trimmed[0] is '*' or '_')
        {
            isMarkedUp = true;
        }

        var line = EmphasisMarkers().Replace(trimmed, "").Trim();
        var match = HeadingPattern().Match(line);
        if (!match.Success)
        {
            return false;
        }

        var number = match.Groups["n"].Value;
        if (match.Groups["suffix"].Success)
        {
            number += " " + match.Groups["suffix"].Value.ToLowerInvariant();
        }

        var rest = match.Groups["rest"].Value;
        string? after;
        if (rest.Trim().Length == 0)
        {
            after = null;
        }
        else if (SeparatorPattern().Match(rest) is { Success: true } separated)
        {
            after = separated.Groups["t"].Value;
        }
        else if (rest[0] == '\t' || (isMarkedUp && char.IsWhiteSpace(rest[0])))
        {
            after = rest;
        }
        else
        {
            return false;
        }

        string? title = CleanTitle(after), inlineText = null;
        if (title is not null && !isMarkedUp && !LooksLikeTitle(after!, MaxPlainTitleLength))
        {
            title = null;
            inlineText = LinePatterns.CollapseSpaces(after!);
        }

        heading = new ArticleHeading(number, title, inlineText, title is null && inlineText is null, char.IsUpper(match.Groups["word"].Value[0]));
        return true;
    }

    /// <summary>
    /// Whether a short line reads as a title rather than as a sentence: not too long, no final punctuation, not a
    /// list item, and not starting with a lower-case letter.
    /// </summary>
    public static bool LooksLikeTitle(string text, int maxLength)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Length > maxLength || ".;:,!?".Contains(t[^1]) || LinePatterns.IsListItem(t))
        {
            return false;
        }

        var firstLetter = t.FirstOrDefault(char.IsLetter);
        return firstLetter == default || !char.IsLower(firstLetter);
    }

    /// <summary>Removes emphasis markers and a single final period around a title; null when nothing is left.</summary>
    public static string? CleanTitle(string? title)
    {
        if (title is null)
        {
            return null;
        }

        var t = title.Trim().Trim('*', '_').Trim();
        if (t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal))
        {
            t = t[..^1].TrimEnd();
        }

        t = LinePatterns.CollapseSpaces(t);
        return t.Length == 0 ? null : t;
    }

    // The word in the six official UN languages that write it before the number (Chinese writes 第一条 and is not
    // recognised). Numbers: digits of any script, or upper-case roman numerals, optionally followed by a Latin
    // ordinal suffix ("3 bis", "3bis", "3-ter").
    [GeneratedRegex(
        """
        ^(?<word>article|artículo|articulo|статья|المادة)\s+
        (?<n>\d+|(?-i:(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})))
        (?:\s*-?\s*(?<suffix>bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?
        (?![\p{L}\p{N}\p{M}])
        (?<rest>.*)$
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Singleline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^\s*[—–\-−:.]\s*(?<t>.*)$", RegexOptions.Singleline)]
    private static partial Regex SeparatorPattern();

    [GeneratedRegex(@"\*{1,3}|(?<![\p{L}\p{N}])_{1,3}|_{1,3}(?![\p{L}\p{N}])")]
    private static partial Regex EmphasisMarkers();
}
