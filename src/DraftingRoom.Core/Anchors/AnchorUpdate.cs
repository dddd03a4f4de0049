namespace DraftingRoom.Core.Anchors;

/// <summary>What became of a comment's anchor after an edit or a new revision of its text.</summary>
public enum AnchorStatus
{
    /// <summary>The quoted text is intact; the anchor may have moved.</summary>
    Kept,

    /// <summary>The quoted text was edited but mostly survives; the anchor covers what it became.</summary>
    Changed,

    /// <summary>The quoted text is gone (deleted or rewritten): the comment refers to an earlier revision.</summary>
    Lost,
}

/// <summary>The anchor of a comment after an edit or a new revision of its text.</summary>
/// <param name="Status">Whether the quoted text was kept, changed or lost.</param>
/// <param name="Anchor">
/// The anchor in the new text: the same <see cref="TextAnchor.Quote"/> when <see cref="AnchorStatus.Kept"/>, the new
/// wording when <see cref="AnchorStatus.Changed"/>, and <see langword="null"/> when <see cref="AnchorStatus.Lost"/>.
/// </param>
public sealed record AnchorUpdate(AnchorStatus Status, TextAnchor? Anchor)
{
    /// <summary>The update for an anchor whose text is gone.</summary>
    public static AnchorUpdate Lost { get; } = new(AnchorStatus.Lost, null);

    internal static AnchorUpdate For(TextAnchor original, TextAnchor moved) =>
        new(moved.Quote == original.Quote ? AnchorStatus.Kept : AnchorStatus.Changed, moved);
}
