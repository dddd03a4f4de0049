namespace DraftingRoom.Core.Diff;

/// <summary>Whether a piece of text is common to both versions, only in the new one, or only in the old one.</summary>
public enum DiffSegmentKind
{
    /// <summary>In both versions.</summary>
    Unchanged,

    /// <summary>Only in the new version.</summary>
    Inserted,

    /// <summary>Only in the old version.</summary>
    Deleted,
}

/// <summary>A run of text with one kind of change.</summary>
/// <param name="Kind">Whether the text is unchanged, inserted or deleted.</param>
/// <param name="Text">The text, exactly as it appears in its version (white space included).</param>
public sealed record DiffSegment(DiffSegmentKind Kind, string Text);

/// <summary>
/// The word-level differences between two versions of a text, as a sequence of segments. The unchanged and deleted
/// segments, concatenated in order, give the old text exactly; the unchanged and inserted segments give the new text.
/// Within a change, the deleted segment comes before the inserted one.
/// </summary>
/// <param name="Segments">The segments in text order; adjacent segments never have the same kind.</param>
/// <param name="WordsInserted">How many words the new version adds (punctuation and white space not counted).</param>
/// <param name="WordsDeleted">How many words the old version loses (punctuation and white space not counted).</param>
public sealed record TextDiff(IReadOnlyList<DiffSegment> Segments, int WordsInserted, int WordsDeleted)
{
    /// <summary>Whether the two versions differ at all (in words, punctuation or white space).</summary>
    public bool HasChanges => Segments.Any(s => s.Kind != DiffSegmentKind.Unchanged);

    /// <summary>The old version, rebuilt from the unchanged and deleted segments.</summary>
    public string OldText => string.Concat(Segments.Where(s => s.Kind != DiffSegmentKind.Inserted).Select(s => s.Text));

    /// <summary>The new version, rebuilt from the unchanged and inserted segments.</summary>
    public string NewText => string.Concat(Segments.Where(s => s.Kind != DiffSegmentKind.Deleted).Select(s => s.Text));
}
