namespace DraftingRoom.Core.Collaboration;

public sealed partial class TextOperation
{
    /// <summary>
    /// Combines two consecutive operations into one with the same effect.
    /// Law: <c>apply(apply(S, first), second) == apply(S, Compose(first, second))</c> for every document S that
    /// <paramref name="first"/> fits.
    /// </summary>
    /// <param name="first">The operation applied first.</param>
    /// <param name="second">The operation applied to the result of <paramref name="first"/>.</param>
    /// <returns>The combined operation, with the base length of <paramref name="first"/> and the target length of
    /// <paramref name="second"/>.</returns>
    /// <exception cref="OperationException">The target length of <paramref name="first"/> is not the base length of
    /// <paramref name="second"/>, or the result would split a surrogate pair of inserted text.</exception>
    public static TextOperation Compose(TextOperation first, TextOperation second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.TargetLength != second.BaseLength)
        {
            throw new OperationException(
                $"Cannot compose: the first operation produces a document of {first.TargetLength} characters but the "
                + $"second expects {second.BaseLength}.");
        }

        var result = new TextOperationBuilder();
        var a = new ComponentReader(first._components);
        var b = new ComponentReader(second._components);
        while (true)
        {
            // Deletes of the first and inserts of the second touch text the other operation never sees.
            if (!a.AtEnd && a.Kind == OperationComponentKind.Delete)
            {
                result.Delete(a.Remaining);
                a.Skip(a.Remaining);
                continue;
            }

            if (!b.AtEnd && b.Kind == OperationComponentKind.Insert)
            {
                result.Insert(b.TakeText(b.Remaining));
                continue;
            }

            if (a.AtEnd || b.AtEnd)
            {
                // Equal lengths were checked above, so both run out together.
                return result.Build();
            }

            var count = Math.Min(a.Remaining, b.Remaining);
            switch (a.Kind, b.Kind)
            {
                case (OperationComponentKind.Retain, OperationComponentKind.Retain):
                    result.Retain(count);
                    a.Skip(count);
                    b.Skip(count);
                    break;
                case (OperationComponentKind.Retain, OperationComponentKind.Delete):
                    result.Delete(count);
                    a.Skip(count);
                    b.Skip(count);
                    break;
                case (OperationComponentKind.Insert, OperationComponentKind.Retain):
                    result.Insert(a.TakeText(count));
                    b.Skip(count);
                    break;
                default: // insert then delete: the text never reaches the final document
                    a.TakeText(count);
                    b.Skip(count);
                    break;
            }
        }
    }

    /// <summary>
    /// Transforms two concurrent operations on the same document so that each can be applied after the other.
    /// Law (convergence): <c>apply(apply(S, first), secondPrime) == apply(apply(S, second), firstPrime)</c>.
    /// </summary>
    /// <remarks>
    /// Tie-break: when both operations insert at the same position, the insert of <paramref name="first"/> ends up
    /// before the insert of <paramref name="second"/>. DraftingRoom always passes the operation the server commits
    /// later as <paramref name="first"/>, as ot.js does: the server transforms an incoming operation as the first
    /// argument against each operation committed since its base revision, and a client transforms its pending
    /// operations (not yet committed, so committed later) as the first argument against each remote operation it
    /// receives. So everywhere, of two inserts at the same position, the later-committed text comes first.
    /// </remarks>
    /// <param name="first">The operation ordered first, whose inserts win ties.</param>
    /// <param name="second">The concurrent operation ordered second.</param>
    /// <returns><c>FirstPrime</c> applies after <paramref name="second"/>; <c>SecondPrime</c> applies after
    /// <paramref name="first"/>.</returns>
    /// <exception cref="OperationException">The operations do not apply to documents of the same length.</exception>
    public static (TextOperation FirstPrime, TextOperation SecondPrime) Transform(TextOperation first, TextOperation second)
    {
        EnsureConcurrent(first, second);
        if (TransformSingleEdit(first, second, winsTies: true) is { } quickFirst &&
            TransformSingleEdit(second, first, winsTies: false) is { } quickSecond)
        {
            return (quickFirst, quickSecond);
        }

        return TransformComponents(first, second);
    }

    private static void EnsureConcurrent(TextOperation first, TextOperation second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.BaseLength != second.BaseLength)
        {
            throw new OperationException(
                $"Cannot transform operations made on different documents: one expects {first.BaseLength} characters, "
                + $"the other {second.BaseLength}.");
        }
    }

    /// <summary><see cref="Transform"/> by the general algorithm alone, step by step (for tests of the shortcut).</summary>
    internal static (TextOperation FirstPrime, TextOperation SecondPrime) TransformComponents(TextOperation first, TextOperation second)
    {
        var firstPrime = TextOperationBuilder.Scratch();
        var secondPrime = TextOperationBuilder.Scratch(other: true);
        TransformInto(first, second, firstPrime, secondPrime);
        return (firstPrime.Build(), secondPrime.Build());
    }

    /// <summary>
    /// The first half of <see cref="Transform(TextOperation, TextOperation)"/>: <paramref name="first"/> made to apply
    /// after <paramref name="second"/>, without building the other half. The server uses it to bring a submission past
    /// each operation committed since its base revision, which it needs in no other form.
    /// Law: <c>TransformFirst(a, b) == Transform(a, b).FirstPrime</c>.
    /// </summary>
    /// <param name="first">The operation ordered first, whose inserts win ties.</param>
    /// <param name="second">The concurrent operation ordered second.</param>
    /// <returns>The operation that applies after <paramref name="second"/>.</returns>
    /// <exception cref="OperationException">The operations do not apply to documents of the same length.</exception>
    public static TextOperation TransformFirst(TextOperation first, TextOperation second)
    {
        EnsureConcurrent(first, second);
        if (TransformSingleEdit(first, second, winsTies: true) is { } quick)
        {
            return quick;
        }

        var firstPrime = TextOperationBuilder.Scratch();
        TransformInto(first, second, firstPrime, secondPrime: null);
        return firstPrime.Build();
    }

    private static void TransformInto(TextOperation first, TextOperation second, TextOperationBuilder firstPrime,
        TextOperationBuilder? secondPrime)
    {
        var a = new ComponentReader(first._components);
        var b = new ComponentReader(second._components);
        while (true)
        {
            if (!a.AtEnd && a.Kind == OperationComponentKind.Insert)
            {
                var text = a.TakeText(a.Remaining);
                firstPrime.Insert(text);
                secondPrime?.Retain(text.Length);
                continue;
            }

            if (!b.AtEnd && b.Kind == OperationComponentKind.Insert)
            {
                var text = b.TakeText(b.Remaining);
                firstPrime.Retain(text.Length);
                secondPrime?.Insert(text);
                continue;
            }

            if (a.AtEnd || b.AtEnd)
            {
                return;
            }

            var count = Math.Min(a.Remaining, b.Remaining);
            switch (a.Kind, b.Kind)
            {
                case (OperationComponentKind.Retain, OperationComponentKind.Retain):
                    firstPrime.Retain(count);
                    secondPrime?.Retain(count);
                    break;
                case (OperationComponentKind.Delete, OperationComponentKind.Retain):
                    firstPrime.Delete(count);
                    break;
                case (OperationComponentKind.Retain, OperationComponentKind.Delete):
                    secondPrime?.Delete(count);
                    break;
                default: // both delete the same text: neither needs to delete it again
                    break;
            }

            a.Skip(count);
            b.Skip(count);
        }
    }

    /// <summary>
    /// Returns the operation that undoes this one.
    /// Law: <c>apply(apply(S, A), A.Invert(S)) == S</c>.
    /// </summary>
    /// <param name="document">The document this operation was applied to (needed to restore deleted text).</param>
    /// <returns>The inverse, which applies to the result of this operation.</returns>
    /// <exception cref="OperationException">This operation does not fit <paramref name="document"/>.</exception>
    public TextOperation Invert(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        EnsureFits(document.Length, i => document[i]);
        var inverse = new TextOperationBuilder();
        var position = 0;
        foreach (var component in _components)
        {
            switch (component.Kind)
            {
                case OperationComponentKind.Retain:
                    inverse.Retain(component.Length);
                    position += component.Length;
                    break;
                case OperationComponentKind.Insert:
                    inverse.Delete(component.Length);
                    break;
                default:
                    inverse.Insert(document.Substring(position, component.Length));
                    position += component.Length;
                    break;
            }
        }

        return inverse.Build();
    }

    /// <summary>
    /// Moves a position in the document (a caret, a selection end, a comment anchor) through this operation.
    /// A position inside deleted text moves to where the deletion was.
    /// </summary>
    /// <param name="index">A position in the base document, from 0 to <see cref="BaseLength"/>.</param>
    /// <param name="stayBeforeInserts">What happens to text inserted exactly at <paramref name="index"/>: false (the
    /// default) puts it before the position, so the position moves past it, as a caret does when its owner types;
    /// true keeps the position before it, as the start of a comment range should.</param>
    /// <returns>The corresponding position in the target document.</returns>
    /// <exception cref="OperationException"><paramref name="index"/> is outside the base document.</exception>
    public int TransformIndex(int index, bool stayBeforeInserts = false)
    {
        if (index < 0 || index > BaseLength)
        {
            throw new OperationException(
                $"Position {index} is outside the document, which has {BaseLength} characters.");
        }

        var result = index;
        var position = 0;
        foreach (var component in _components)
        {
            switch (component.Kind)
            {
                case OperationComponentKind.Retain:
                    position += component.Length;
                    if (position > index)
                    {
                        return result;
                    }

                    break;
                case OperationComponentKind.Insert:
                    if (position < index || !stayBeforeInserts)
                    {
                        result += component.Length;
                    }
                    else
                    {
                        return result;
                    }

                    break;
                default:
                    if (position >= index)
                    {
                        return result;
                    }

                    result -= Math.Min(component.Length, index - position);
                    position += component.Length;
                    break;
            }
        }

        return result;
    }
}
