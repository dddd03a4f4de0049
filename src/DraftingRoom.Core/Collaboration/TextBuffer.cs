namespace DraftingRoom.Core.Collaboration;

/// <summary>
/// A mutable document held in a gap buffer, for applying long runs of operations (server documents, trace replays)
/// without rebuilding the whole string at each edit. Applying an operation costs time in its number of steps plus the
/// distance the gap moves, which is small when edits are near each other, as typing is.
/// </summary>
/// <remarks>
/// <see cref="Apply"/> has the same meaning and validation as <see cref="TextOperation.Apply(string)"/>, and checks
/// everything before changing anything, so a rejected operation leaves the buffer as it was. Not thread-safe.
/// </remarks>
public sealed class TextBuffer
{
    private const int MinimumCapacity = 64;

    private char[] _chars;
    private int _gapStart;
    private int _gapEnd;
    private int _surrogates;

    /// <summary>Creates a buffer holding <paramref name="text"/>.</summary>
    /// <param name="text">The initial document.</param>
    public TextBuffer(string text = "")
    {
        ArgumentNullException.ThrowIfNull(text);
        _chars = new char[Math.Max(MinimumCapacity, text.Length * 2)];
        text.CopyTo(_chars);
        _gapStart = text.Length;
        _gapEnd = _chars.Length;
        _surrogates = Utf16.CountSurrogates(text);
    }

    /// <summary>The length of the document in UTF-16 code units.</summary>
    public int Length => _chars.Length - (_gapEnd - _gapStart);

    /// <summary>Whether the document holds any surrogate code unit, that is any character outside the Basic
    /// Multilingual Plane. When it does not, UTF-16 positions and Unicode code point positions coincide.</summary>
    public bool HasSurrogates => _surrogates > 0;

    /// <summary>The UTF-16 code unit at <paramref name="index"/>.</summary>
    /// <param name="index">A position from 0 to <see cref="Length"/> - 1.</param>
    public char this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The document has {Length} characters.");
            }

            return index < _gapStart ? _chars[index] : _chars[index + _gapEnd - _gapStart];
        }
    }

    /// <summary>Applies <paramref name="operation"/> to the document in place.</summary>
    /// <param name="operation">An operation whose base length is <see cref="Length"/>.</param>
    /// <exception cref="OperationException">The operation does not fit the document: wrong length, or a step would
    /// split a surrogate pair. The buffer is then unchanged.</exception>
    public void Apply(TextOperation operation)
    {
        EnsureFits(operation);
        var position = 0;
        foreach (var component in operation.Components)
        {
            switch (component.Kind)
            {
                case OperationComponentKind.Retain:
                    position += component.Length;
                    break;
                case OperationComponentKind.Insert:
                    MoveGapTo(position);
                    EnsureGap(component.Length);
                    component.Text.CopyTo(_chars.AsSpan(_gapStart));
                    _gapStart += component.Length;
                    _surrogates += Utf16.CountSurrogates(component.Text);
                    position += component.Length;
                    break;
                default:
                    MoveGapTo(position);
                    if (_surrogates > 0)
                    {
                        _surrogates -= Utf16.CountSurrogates(_chars.AsSpan(_gapEnd, component.Length));
                    }

                    _gapEnd += component.Length;
                    break;
            }
        }
    }

    /// <summary>
    /// Checks that <paramref name="operation"/> could be applied to the document, without applying it.
    /// </summary>
    /// <param name="operation">The operation to check.</param>
    /// <exception cref="OperationException">It could not (see <see cref="Apply"/>).</exception>
    public void EnsureFits(TextOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (_surrogates == 0 && operation.BaseLength == Length)
        {
            return; // no pair to split: the length is all there is to check
        }

        operation.EnsureFits(Length, i => this[i]);
    }

    /// <summary>Copies <paramref name="length"/> code units starting at <paramref name="start"/>.</summary>
    /// <param name="start">The first position.</param>
    /// <param name="length">How many code units.</param>
    /// <returns>The text.</returns>
    public string Substring(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Length);
        return string.Create(length, (this, start), static (span, state) =>
        {
            var (buffer, from) = state;
            var before = Math.Clamp(buffer._gapStart - from, 0, span.Length);
            buffer._chars.AsSpan(from, before).CopyTo(span);
            var afterStart = from + before + buffer._gapEnd - buffer._gapStart;
            buffer._chars.AsSpan(afterStart, span.Length - before).CopyTo(span[before..]);
        });
    }

    /// <summary>The whole document as a string.</summary>
    public override string ToString() => Substring(0, Length);

    private void MoveGapTo(int position)
    {
        if (position < _gapStart)
        {
            var count = _gapStart - position;
            _chars.AsSpan(position, count).CopyTo(_chars.AsSpan(_gapEnd - count));
            _gapStart = position;
            _gapEnd -= count;
        }
        else if (position > _gapStart)
        {
            var count = position - _gapStart;
            _chars.AsSpan(_gapEnd, count).CopyTo(_chars.AsSpan(_gapStart));
            _gapStart = position;
            _gapEnd += count;
        }
    }

    private void EnsureGap(int needed)
    {
        if (_gapEnd - _gapStart >= needed)
        {
            return;
        }

        var length = Length;
        var capacity = Math.Max(Math.Max(MinimumCapacity, (long)_chars.Length * 2), (long)length + needed + MinimumCapacity);
        var chars = new char[(int)Math.Min(capacity, Array.MaxLength)];
        var tail = _chars.Length - _gapEnd;
        _chars.AsSpan(0, _gapStart).CopyTo(chars);
        _chars.AsSpan(_gapEnd, tail).CopyTo(chars.AsSpan(chars.Length - tail));
        _gapEnd = chars.Length - tail;
        _chars = chars;
    }
}
