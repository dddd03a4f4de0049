namespace DraftingRoom.Core.Collaboration;

public sealed partial class TextOperation
{
    // Typing makes operations of one edit each: keep, then insert or delete, then keep. A server with hundreds of
    // people transforms each submission past every operation committed since its base revision, and every client each
    // incoming operation past its own pending ones, so transforming two such operations is the common case by far: it
    // is done here by moving a position, with the same result as the general algorithm (the canonical form is unique).

    /// <summary>
    /// <paramref name="operation"/> made to apply after <paramref name="other"/> when both are single edits that do not
    /// overlap; null otherwise (for the general algorithm).
    /// </summary>
    /// <param name="operation">The operation to transform.</param>
    /// <param name="other">The concurrent operation it must apply after.</param>
    /// <param name="winsTies">Whether the insert of <paramref name="operation"/> goes first when both insert at one
    /// position (true for the first argument of <see cref="Transform"/>).</param>
    private static TextOperation? TransformSingleEdit(TextOperation operation, TextOperation other, bool winsTies)
    {
        if (!operation.TryGetSingleEdit(out var position, out var edit) || !other.TryGetSingleEdit(out var at, out var otherEdit))
        {
            return null;
        }

        var inserts = edit.Kind == OperationComponentKind.Insert;
        var otherInserts = otherEdit.Kind == OperationComponentKind.Insert;
        int? moved = (inserts, otherInserts) switch
        {
            (true, true) => at < position || (at == position && !winsTies) ? position + otherEdit.Length : position,
            // An insert inside deleted text lands where the deletion was.
            (true, false) => position <= at ? position : position >= at + otherEdit.Length ? position - otherEdit.Length : at,
            // A deletion around the other's insert would have to split: left to the general algorithm.
            (false, true) => at <= position ? position + otherEdit.Length : at >= position + edit.Length ? position : null,
            (false, false) => at + otherEdit.Length <= position ? position - otherEdit.Length
                : at >= position + edit.Length ? position : null,
        };
        if (moved is not { } start)
        {
            return null;
        }

        var baseLength = other.TargetLength;
        var targetLength = inserts ? baseLength + edit.Length : baseLength - edit.Length;
        var rest = baseLength - start - (inserts ? 0 : edit.Length);
        var components = new OperationComponent[(start > 0 ? 1 : 0) + 1 + (rest > 0 ? 1 : 0)];
        var i = 0;
        if (start > 0)
        {
            components[i++] = OperationComponent.Retain(start);
        }

        components[i++] = edit;
        if (rest > 0)
        {
            components[i] = OperationComponent.Retain(rest);
        }

        return new TextOperation(components, baseLength, targetLength);
    }

    // Keep (optional), one insert or one delete, keep (optional).
    private bool TryGetSingleEdit(out int position, out OperationComponent edit)
    {
        position = 0;
        edit = default;
        var i = 0;
        if (i < _components.Length && _components[i].Kind == OperationComponentKind.Retain)
        {
            position = _components[i++].Length;
        }

        if (i == _components.Length || _components[i].Kind == OperationComponentKind.Retain)
        {
            return false;
        }

        edit = _components[i++];
        if (i < _components.Length && _components[i].Kind == OperationComponentKind.Retain)
        {
            i++;
        }

        return i == _components.Length;
    }
}
