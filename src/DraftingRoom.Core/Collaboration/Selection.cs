namespace DraftingRoom.Core.Collaboration;

/// <summary>
/// A selection in a document, in UTF-16 code units: where it started (<see cref="Anchor"/>) and where the caret is
/// (<see cref="Head"/>). A caret without a selection has both equal.
/// </summary>
/// <param name="Anchor">Where the selection started.</param>
/// <param name="Head">Where the caret is.</param>
public readonly record struct Selection(int Anchor, int Head)
{
    /// <summary>A caret at <paramref name="position"/> with nothing selected.</summary>
    /// <param name="position">The caret position.</param>
    /// <returns>The collapsed selection.</returns>
    public static Selection Caret(int position) => new(position, position);

    /// <summary>Whether nothing is selected.</summary>
    public bool IsCaret => Anchor == Head;

    /// <summary>
    /// Moves both ends through <paramref name="operation"/>. By default text inserted exactly at an end goes before
    /// it, as ot.js does, so a caret stays after what its owner types at it.
    /// </summary>
    /// <param name="operation">An operation on the document the selection is in.</param>
    /// <param name="stayBeforeInserts">True keeps each end before text inserted exactly at it, as for another
    /// person's caret when someone else's text lands there (see <see cref="TextOperation.TransformIndex"/>).</param>
    /// <returns>The same selection in the edited document.</returns>
    public Selection Transform(TextOperation operation, bool stayBeforeInserts = false)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return new(operation.TransformIndex(Anchor, stayBeforeInserts), operation.TransformIndex(Head, stayBeforeInserts));
    }
}
