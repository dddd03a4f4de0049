using System.Globalization;
using System.Text;

namespace DraftingRoom.Core.CommentText;

/// <summary>
/// Reads a comment as plain text in which only line breaks and web addresses mean anything: everything else,
/// markup included, is text to show as it is.
/// </summary>
/// <remarks>
/// <para>
/// A link starts with <c>http://</c> or <c>https://</c> (any letter case), or with <c>www.</c>, which links to
/// <c>https://</c> and the address. It must not follow a letter, a digit or a character that belongs in addresses
/// (so "javascript:http://…" and "info@www.…" link nothing), and it runs to the first white space, control character,
/// quotation mark, angle bracket or one of <c>{ } | \ ^ `</c>. Punctuation that ends a sentence or a clause after the
/// address (. , ; : ! ? and their Arabic and CJK forms, quotation marks, apostrophes) is left out of it, and so is a
/// closing bracket without a matching opening one inside the address, so "(see https://un.org/a_(b))" links
/// "https://un.org/a_(b)". An address must parse as an absolute URL with a host and no user information
/// ("https://un.org@evil.example" is not linked).
/// </para>
/// <para>Nothing else becomes a link: <c>javascript:</c>, <c>data:</c>, <c>vbscript:</c>, <c>mailto:</c>, <c>ftp:</c>
/// and any other scheme stay text.</para>
/// </remarks>
public static class PlainTextWithLinks
{
    /// <summary>The longest address linked; a longer one stays text.</summary>
    public const int MaxLinkLength = 2048;

    // After one of these, "http" or "www." continues an address or a scheme rather than starting one.
    private const string JoiningPunctuation = "/:.@-_~%+=&?#";

    // Left out at the end of an address, one at a time, from the right.
    private const string TrailingPunctuation = ".,;:!?'*\u2019\u201D\u00BB\u060C\u061B\u061F\u06D4\u3001\u3002\uFF0C\uFF1B\uFF1A\uFF01\uFF1F\u2026";

    /// <summary>Splits a comment into runs of text, line breaks and links.</summary>
    /// <param name="text">The comment, as typed.</param>
    /// <returns>The runs in order; adjacent text is one run; empty for an empty comment.</returns>
    public static IReadOnlyList<TextRun> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var runs = new List<TextRun>();
        var plain = new StringBuilder();

        void FlushPlain()
        {
            if (plain.Length > 0)
            {
                runs.Add(new PlainTextRun(plain.ToString()));
                plain.Clear();
            }
        }

        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                FlushPlain();
                runs.Add(LineBreakRun.Instance);
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                continue;
            }

            if (TryReadLink(text, i) is { } link)
            {
                FlushPlain();
                runs.Add(link);
                i += link.Text.Length;
                continue;
            }

            plain.Append(c);
            i++;
        }

        FlushPlain();
        return runs;
    }

    /// <summary>The link that starts at <paramref name="start"/>, if one does.</summary>
    private static LinkRun? TryReadLink(string text, int start)
    {
        var rest = text.AsSpan(start);
        var prefix = rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "https://".Length
            : rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "http://".Length
            : rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? 0
            : -1;
        if (prefix < 0 || (start > 0 && BelongsToAWordOrAddress(text, start)))
        {
            return null;
        }

        var end = start;
        while (end < text.Length && IsAddressCharacter(text[end]))
        {
            end++;
        }

        end = TrimTrailing(text, start, end);
        var written = text[start..end];
        if (written.Length <= Math.Max(prefix, "www.".Length) || written.Length > MaxLinkLength)
        {
            return null;
        }

        var href = prefix == 0 ? "https://" + written : written;
        if (!Uri.TryCreate(href, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Host.Length == 0
            || uri.UserInfo.Length > 0
            || (prefix == 0 && !uri.Host.Contains('.', StringComparison.Ordinal)))
        {
            return null;
        }

        // A www. address needs something after "www.".
        if (prefix == 0 && (written.Length == 4 || !char.IsLetterOrDigit(written[4])))
        {
            return null;
        }

        return new LinkRun(href, written);
    }

    /// <summary>Whether the character before <paramref name="start"/> makes the address part of something else.</summary>
    private static bool BelongsToAWordOrAddress(string text, int start)
    {
        var before = char.IsLowSurrogate(text[start - 1]) && start >= 2 ? start - 2 : start - 1;
        if (Rune.DecodeFromUtf16(text.AsSpan(before), out var rune, out _) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        return Rune.IsLetterOrDigit(rune)
            || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            || (rune.IsAscii && JoiningPunctuation.Contains((char)rune.Value, StringComparison.Ordinal));
    }

    private static bool IsAddressCharacter(char c) =>
        !char.IsWhiteSpace(c) && !char.IsControl(c)
        && c is not ('"' or '<' or '>' or '{' or '}' or '|' or '\\' or '^' or '`'
            or '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '\u300C' or '\u300D');

    /// <summary>Leaves trailing punctuation and unmatched closing brackets out of the address.</summary>
    private static int TrimTrailing(string text, int start, int end)
    {
        while (end > start)
        {
            var last = text[end - 1];
            if (TrailingPunctuation.Contains(last, StringComparison.Ordinal)
                || (last == ')' && Count(text, start, end, '(') < Count(text, start, end, ')'))
                || (last == ']' && Count(text, start, end, '[') < Count(text, start, end, ']')))
            {
                end--;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private static int Count(string text, int start, int end, char c) => text.AsSpan(start, end - start).Count(c);
}
