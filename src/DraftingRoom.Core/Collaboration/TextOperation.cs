using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json.Serialization;

namespace DraftingRoom.Core.Collaboration;

/// <summary>
/// An immutable edit of a plain-text document, in the model of ot.js: a sequence of retains, inserts and deletes that
/// walks the whole document from start to end. Positions and lengths count UTF-16 code units, and no step may start or
/// end between the two halves of a surrogate pair.
/// </summary>
/// <remarks>
/// Operations are always in canonical form (see <see cref="TextOperationBuilder"/>), so equality is structural: two
/// operations are equal exactly when they have the same steps. On the wire an operation is a JSON array: a positive
/// integer retains, a negative integer deletes, a string inserts (see <see cref="Parse"/>).
/// </remarks>
[JsonConverter(typeof(TextOperationJsonConverter))]
public sealed partial class TextOperation : IEquatable<TextOperation>
{
    private readonly OperationComponent[] _components;

    internal TextOperation(OperationComponent[] components, int baseLength, int targetLength)
    {
        _components = components;
        BaseLength = baseLength;
        TargetLength = targetLength;
    }

    /// <summary>The operation that changes nothing in the empty document.</summary>
    public static TextOperation Empty { get; } = new([], 0, 0);

    /// <summary>The steps of the operation, in canonical form.</summary>
    public ImmutableArray<OperationComponent> Components => ImmutableCollectionsMarshal.AsImmutableArray(_components);

    /// <summary>The length, in UTF-16 code units, of the documents this operation applies to.</summary>
    public int BaseLength { get; }

    /// <summary>The length, in UTF-16 code units, of the document the operation produces.</summary>
    public int TargetLength { get; }

    /// <summary>Whether applying the operation leaves every document unchanged (it only retains).</summary>
    public bool IsNoop => _components.All(c => c.Kind == OperationComponentKind.Retain);

    /// <summary>Starts a new, empty <see cref="TextOperationBuilder"/>.</summary>
    /// <returns>The builder.</returns>
    public static TextOperationBuilder Builder() => new();

    /// <summary>The operation that keeps a whole document of <paramref name="length"/> code units unchanged.</summary>
    /// <param name="length">The document length.</param>
    /// <returns>The identity operation for that length.</returns>
    public static TextOperation Identity(int length) => new TextOperationBuilder().Retain(length).Build();

    /// <summary>
    /// Applies the operation to <paramref name="document"/>.
    /// </summary>
    /// <param name="document">The document; its length must be <see cref="BaseLength"/>.</param>
    /// <returns>The edited document, of length <see cref="TargetLength"/>.</returns>
    /// <exception cref="OperationException">
    /// The document has the wrong length, or a step would split a surrogate pair of the document.
    /// </exception>
    public string Apply(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        EnsureFits(document.Length, i => document[i]);
        return string.Create(TargetLength, (this, document), static (target, state) =>
        {
            var (operation, source) = state;
            var read = 0;
            var write = 0;
            foreach (var component in operation._components)
            {
                switch (component.Kind)
                {
                    case OperationComponentKind.Retain:
                        source.AsSpan(read, component.Length).CopyTo(target[write..]);
                        read += component.Length;
                        write += component.Length;
                        break;
                    case OperationComponentKind.Insert:
                        component.Text.AsSpan().CopyTo(target[write..]);
                        write += component.Length;
                        break;
                    default:
                        read += component.Length;
                        break;
                }
            }
        });
    }

    /// <summary>
    /// Checks that the operation fits a document of <paramref name="length"/> code units whose characters
    /// <paramref name="charAt"/> reads, without changing anything.
    /// </summary>
    internal void EnsureFits(int length, Func<int, char> charAt)
    {
        if (BaseLength != length)
        {
            throw new OperationException(
                $"The operation expects a document of {BaseLength} characters but the document has {length}.");
        }

        var position = 0;
        foreach (var component in _components)
        {
            if (component.Kind == OperationComponentKind.Insert)
            {
                continue;
            }

            EnsureNotInsidePair(position, length, charAt);
            position += component.Length;
        }

        EnsureNotInsidePair(position, length, charAt);
    }

    private static void EnsureNotInsidePair(int position, int length, Func<int, char> charAt)
    {
        if (position > 0 && position < length && Utf16.SplitsPair(charAt(position - 1), charAt(position)))
        {
            throw new OperationException(
                $"The operation has a boundary at position {position}, which falls inside a character made of two "
                + "UTF-16 code units (a surrogate pair, such as an emoji); edits must keep such characters whole.");
        }
    }

    /// <inheritdoc/>
    public bool Equals(TextOperation? other) =>
        other is not null
        && (ReferenceEquals(this, other) || _components.AsSpan().SequenceEqual(other._components));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TextOperation);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var component in _components)
        {
            hash.Add(component);
        }

        return hash.ToHashCode();
    }

    /// <summary>Whether two operations have the same steps.</summary>
    /// <param name="left">One operation.</param>
    /// <param name="right">The other operation.</param>
    /// <returns>True when both are null or structurally equal.</returns>
    public static bool operator ==(TextOperation? left, TextOperation? right) =>
        left is null ? right is null : left.Equals(right);

    /// <summary>Whether two operations differ.</summary>
    /// <param name="left">One operation.</param>
    /// <param name="right">The other operation.</param>
    /// <returns>True unless both are null or structurally equal.</returns>
    public static bool operator !=(TextOperation? left, TextOperation? right) => !(left == right);

    /// <summary>The operation in the wire format, for example <c>[1,"X",-1,1]</c>.</summary>
    public override string ToString() => ToJson();
}
