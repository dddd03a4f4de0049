namespace DraftingRoom.Core.Collaboration;

/// <summary>
/// Reads the steps of an operation piece by piece, so that the algebra can consume part of a step and come back for
/// the rest without allocating split copies of the steps.
/// </summary>
internal struct ComponentReader(OperationComponent[] components)
{
    private int _index;
    private int _offset;

    public readonly bool AtEnd => _index >= components.Length;

    public readonly OperationComponentKind Kind => components[_index].Kind;

    /// <summary>What is left of the current step.</summary>
    public readonly int Remaining => components[_index].Length - _offset;

    /// <summary>Consumes <paramref name="count"/> units of the current step (a retain or delete).</summary>
    public void Skip(int count) => Advance(count);

    /// <summary>Consumes <paramref name="count"/> units of the current insert and returns them.</summary>
    public string TakeText(int count)
    {
        var component = components[_index];
        var text = _offset == 0 && count == component.Length ? component.Text : component.Text.Substring(_offset, count);
        Advance(count);
        return text;
    }

    private void Advance(int count)
    {
        _offset += count;
        if (_offset == components[_index].Length)
        {
            _index++;
            _offset = 0;
        }
    }
}
