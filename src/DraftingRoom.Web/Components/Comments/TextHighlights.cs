namespace DraftingRoom.Web.Components.Comments;

/// <summary>Words of a text that a comment quotes: UTF-16 offsets into the text, as the comment's anchor gives them.</summary>
public sealed record HighlightSpan(Guid CommentId, int Start, int End, string Title);

/// <summary>A paragraph of a text and its <paramref name="Offset"/> in the whole text.</summary>
public sealed record TextParagraph(int Offset, IReadOnlyList<TextSegment> Segments);

/// <summary>
/// A run of a paragraph quoted by the same comments (none for plain text). <paramref name="FirstOf"/> lists the
/// comments whose quote starts with this run, so that a link can lead to each quote.
/// </summary>
public sealed record TextSegment(string Text, IReadOnlyList<HighlightSpan> Highlights, IReadOnlyList<Guid> FirstOf);

/// <summary>A span of the text chosen for a new comment, at the revision it was read in.</summary>
public sealed record SelectedSpan(int Start, int End, string Quote, long Revision);

/// <summary>
/// Splits a text into its paragraphs (separated by a blank line, "\n\n", as in <see cref="ProvisionText"/>) and each
/// paragraph into runs by the quotes that cover them, keeping every offset as it is in the whole text.
/// </summary>
public static class TextHighlights
{
    public const string ParagraphSeparator = "\n\n";

    public static IReadOnlyList<TextParagraph> Split(string text, IEnumerable<HighlightSpan> highlights)
    {
        var spans = highlights.Where(h => h.Start < h.End && h.Start >= 0 && h.End <= text.Length)
            .OrderBy(h => h.Start).ThenByDescending(h => h.End).ToList();
        var linked = new HashSet<Guid>();
        var paragraphs = new List<TextParagraph>();
        var position = 0;
        while (position <= text.Length)
        {
            var next = text.IndexOf(ParagraphSeparator, position, StringComparison.Ordinal);
            var end = next < 0 ? text.Length : next;
            if (end > position) paragraphs.Add(new TextParagraph(position, Segments(text, position, end, spans, linked)));
            if (next < 0) break;
            position = next + ParagraphSeparator.Length;
        }
        return paragraphs;
    }

    private static List<TextSegment> Segments(string text, int start, int end, List<HighlightSpan> spans, HashSet<Guid> linked)
    {
        var inside = spans.Where(s => s.Start < end && s.End > start).ToList();
        var cuts = new SortedSet<int> { start, end };
        foreach (var span in inside)
        {
            cuts.Add(Math.Max(span.Start, start));
            cuts.Add(Math.Min(span.End, end));
        }
        var segments = new List<TextSegment>();
        var points = cuts.ToList();
        for (var i = 0; i < points.Count - 1; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            var covering = inside.Where(s => s.Start < to && s.End > from).ToList();
            var first = covering.Where(s => linked.Add(s.CommentId)).Select(s => s.CommentId).ToList();
            segments.Add(new TextSegment(text[from..to], covering, first));
        }
        return segments;
    }

    /// <summary>
    /// The span without the white space at its ends and widened to whole words (a drag that stops inside "measures"
    /// quotes all of it), or null when nothing but white space is left.
    /// </summary>
    public static (int Start, int End)? Trim(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end <= start) return null;
        while (start > 0 && IsWordCharacter(text[start - 1]) && IsWordCharacter(text[start])) start--;
        while (end < text.Length && IsWordCharacter(text[end - 1]) && IsWordCharacter(text[end])) end++;
        return (start, end);
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || c == '\u2019' || char.IsSurrogate(c) ||
                                                 char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;
}
