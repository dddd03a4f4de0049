namespace DraftingRoom.Core.Diff;

/// <summary>How a paragraph changed between two versions.</summary>
public enum SideBySideRowKind
{
    /// <summary>The paragraph is the same in both versions.</summary>
    Unchanged,

    /// <summary>The paragraph exists in both versions with changes inside it.</summary>
    Modified,

    /// <summary>The paragraph exists only in the old version.</summary>
    Deleted,

    /// <summary>The paragraph exists only in the new version.</summary>
    Inserted,
}

/// <summary>One side of a row: a paragraph of one version, split into segments.</summary>
/// <param name="ParagraphIndex">The paragraph's 0-based position in its version.</param>
/// <param name="Segments">
/// The paragraph's text: unchanged and deleted segments on the old side, unchanged and inserted ones on the new side.
/// </param>
public sealed record DiffCell(int ParagraphIndex, IReadOnlyList<DiffSegment> Segments)
{
    /// <summary>The paragraph's text.</summary>
    public string Text => string.Concat(Segments.Select(s => s.Text));
}

/// <summary>A pair of aligned paragraphs, one from each version, either of which may be missing.</summary>
/// <param name="Kind">How the paragraph changed.</param>
/// <param name="Old">The old paragraph, or <see langword="null"/> for an inserted paragraph.</param>
/// <param name="New">The new paragraph, or <see langword="null"/> for a deleted paragraph.</param>
public sealed record SideBySideRow(SideBySideRowKind Kind, DiffCell? Old, DiffCell? New);

/// <summary>
/// Two versions of a text, paragraph by paragraph, for showing side by side. Paragraphs are separated by blank lines;
/// they are aligned first, then compared word by word within each modified pair.
/// </summary>
/// <param name="Rows">The aligned paragraphs, in the order of both versions.</param>
/// <param name="WordsInserted">How many words the new version adds.</param>
/// <param name="WordsDeleted">How many words the old version loses.</param>
public sealed record SideBySideDiff(IReadOnlyList<SideBySideRow> Rows, int WordsInserted, int WordsDeleted)
{
    /// <summary>Whether any paragraph differs.</summary>
    public bool HasChanges => Rows.Any(r => r.Kind != SideBySideRowKind.Unchanged);
}
