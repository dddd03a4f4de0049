using System.Text;

namespace DraftingRoom.Core.Collaboration;

/// <summary>
/// Builds a <see cref="TextOperation"/> step by step, in document order, and canonicalises as it goes: empty steps are
/// dropped, adjacent steps of the same kind are merged, and between two retains an insert always precedes a delete.
/// Any two builders fed equivalent steps therefore produce equal operations.
/// </summary>
public sealed class TextOperationBuilder
{
    private readonly List<OperationComponent> _components;
    private string? _pendingText; // the first insert since the last retain
    private StringBuilder? _pendingBuilder; // all of them, once there is more than one
    private long _pendingDelete;
    private long _baseLength;
    private long _targetLength;

    /// <summary>Creates an empty builder.</summary>
    public TextOperationBuilder()
        : this(0)
    {
    }

    private TextOperationBuilder(int capacity) => _components = new List<OperationComponent>(capacity);

    // One builder per thread for the transforms, which run thousands of times a second on a busy server and in
    // every client: only the operations they build are allocated, not a builder and its growing list each time.
    [ThreadStatic]
    private static TextOperationBuilder? t_scratch, t_otherScratch;

    /// <summary>This thread's scratch builder (or, with <paramref name="other"/>, its second one), emptied. It must
    /// not be used past the method that took it, which must not call anything that could take it again.</summary>
    internal static TextOperationBuilder Scratch(bool other = false)
    {
        ref var builder = ref other ? ref t_otherScratch : ref t_scratch;
        builder ??= new TextOperationBuilder(16);
        builder.Reset();
        return builder;
    }

    private void Reset()
    {
        _components.Clear();
        _pendingText = null;
        _pendingBuilder?.Clear();
        _pendingDelete = 0;
        _baseLength = 0;
        _targetLength = 0;
    }

    /// <summary>Keeps the next <paramref name="count"/> UTF-16 code units. Zero is ignored.</summary>
    /// <param name="count">How many code units to keep; not negative.</param>
    /// <returns>This builder.</returns>
    public TextOperationBuilder Retain(int count)
    {
        if (count < 0)
        {
            throw new OperationException($"A retain must be a positive number of characters, not {count}.");
        }

        if (count == 0)
        {
            return this;
        }

        FlushEdits();
        Grow(ref _baseLength, count);
        Grow(ref _targetLength, count);
        var last = _components.Count - 1;
        if (last >= 0 && _components[last].Kind == OperationComponentKind.Retain)
        {
            _components[last] = OperationComponent.Retain(_components[last].Length + count);
        }
        else
        {
            _components.Add(OperationComponent.Retain(count));
        }

        return this;
    }

    /// <summary>Inserts <paramref name="text"/> at the current position. The empty string is ignored.</summary>
    /// <param name="text">The text to insert; it must be well-formed UTF-16 once merged with adjacent inserts.</param>
    /// <returns>This builder.</returns>
    public TextOperationBuilder Insert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return this;
        }

        Grow(ref _targetLength, text.Length);
        if (_pendingText is null)
        {
            _pendingText = text;
        }
        else
        {
            // Most operations insert once between retains; only merging pays for a StringBuilder.
            _pendingBuilder ??= new StringBuilder();
            if (_pendingBuilder.Length == 0)
            {
                _pendingBuilder.Append(_pendingText);
            }

            _pendingBuilder.Append(text);
        }

        return this;
    }

    /// <summary>Deletes the next <paramref name="count"/> UTF-16 code units. Zero is ignored.</summary>
    /// <param name="count">How many code units to delete; not negative.</param>
    /// <returns>This builder.</returns>
    public TextOperationBuilder Delete(int count)
    {
        if (count < 0)
        {
            throw new OperationException($"A delete must be a positive number of characters, not {count}.");
        }

        Grow(ref _baseLength, count);
        _pendingDelete += count;
        return this;
    }

    /// <summary>Returns the canonical operation built so far. The builder can go on being used afterwards.</summary>
    /// <returns>The operation.</returns>
    public TextOperation Build()
    {
        FlushEdits();
        return new TextOperation([.. _components], (int)_baseLength, (int)_targetLength);
    }

    // Inserts and deletes between two retains are held back so that the insert can be emitted first whatever order
    // they were added in; that is what makes the form canonical.
    private void FlushEdits()
    {
        if (_pendingText is not null)
        {
            var text = _pendingBuilder is { Length: > 0 } ? _pendingBuilder.ToString() : _pendingText;
            _pendingText = null;
            _pendingBuilder?.Clear();
            var lone = Utf16.FindLoneSurrogate(text);
            if (lone >= 0)
            {
                throw new OperationException(
                    $"The inserted text has a lone surrogate at offset {lone}: it must be well-formed UTF-16, "
                    + "with every emoji or other character outside the Basic Multilingual Plane kept whole.");
            }

            _components.Add(OperationComponent.Insert(text));
        }

        if (_pendingDelete > 0)
        {
            _components.Add(OperationComponent.Delete((int)_pendingDelete));
            _pendingDelete = 0;
        }
    }

    private static void Grow(ref long length, int count)
    {
        length += count;
        if (length > int.MaxValue)
        {
            throw new OperationException("The operation is longer than the largest document DraftingRoom can hold.");
        }
    }
}
