using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Export;

/// <summary>
/// Turns word-diff segments into Word paragraphs with tracked changes: inserted text in <c>w:ins</c>, deleted text
/// in <c>w:del</c> with <c>w:delText</c>, all by one author at one time. A paragraph break that the diff inserts or
/// deletes marks the paragraph's mark as inserted or deleted, so that accepting every change gives the new text
/// and rejecting every change gives the old one, paragraphs included.
/// </summary>
/// <param name="author">The author Word shows for every change.</param>
/// <param name="date">When the changes were made.</param>
internal sealed class TrackedChangesWriter(string author, DateTimeOffset date)
{
    private int _nextId = 1;

    /// <summary>Writes segments as paragraphs of one style; blank lines (<c>"\n\n"</c>) separate paragraphs.</summary>
    public List<Paragraph> Paragraphs(IReadOnlyList<DiffSegment> segments, string styleId)
    {
        var paragraphs = new List<Paragraph>();
        var current = new List<OpenXmlElement>();
        var text = new System.Text.StringBuilder();

        void EndParagraph(DiffSegmentKind mark)
        {
            var paragraph = WordFile.Paragraph(styleId, text.ToString(), current);
            if (mark != DiffSegmentKind.Unchanged)
            {
                paragraph.ParagraphProperties!.ParagraphMarkRunProperties = new ParagraphMarkRunProperties(
                    mark == DiffSegmentKind.Inserted ? StampMark(new Inserted()) : StampMark(new Deleted()));
            }

            paragraphs.Add(paragraph);
            current = [];
            text.Clear();
        }

        foreach (var segment in segments)
        {
            var pieces = segment.Text.Split("\n\n");
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    EndParagraph(segment.Kind);
                }

                text.Append(pieces[i]);
                current.AddRange(Runs(segment.Kind, pieces[i]));
            }
        }

        if (current.Count > 0 || paragraphs.Count > 0)
        {
            EndParagraph(DiffSegmentKind.Unchanged);
        }

        return paragraphs;
    }

    /// <summary>Runs for one piece of a segment: plain, inside <c>w:ins</c>, or inside <c>w:del</c>.</summary>
    public IEnumerable<OpenXmlElement> Runs(DiffSegmentKind kind, string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        return kind switch
        {
            DiffSegmentKind.Inserted => [Stamp(new InsertedRun(WordFile.Runs(text)))],
            DiffSegmentKind.Deleted => [Stamp(new DeletedRun(WordFile.Runs(text, deleted: true)))],
            _ => WordFile.Runs(text),
        };
    }

    private T Stamp<T>(T change)
        where T : RunTrackChangeType
    {
        change.Id = NextId();
        change.Author = author;
        change.Date = date.UtcDateTime;
        return change;
    }

    private T StampMark<T>(T change)
        where T : TrackChangeType
    {
        change.Id = NextId();
        change.Author = author;
        change.Date = date.UtcDateTime;
        return change;
    }

    private string NextId() => (_nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
