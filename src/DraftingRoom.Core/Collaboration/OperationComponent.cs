namespace DraftingRoom.Core.Collaboration;

/// <summary>The kind of one step of a <see cref="TextOperation"/>.</summary>
public enum OperationComponentKind
{
    /// <summary>Keep the next characters of the document unchanged.</summary>
    Retain,

    /// <summary>Insert text at the current position.</summary>
    Insert,

    /// <summary>Remove the next characters of the document.</summary>
    Delete,
}

/// <summary>
/// One step of a <see cref="TextOperation"/>: retain or delete a number of UTF-16 code units, or insert a string.
/// Instances only come out of a <see cref="TextOperation"/>, so they are always valid (positive length, non-empty text).
/// </summary>
public readonly record struct OperationComponent
{
    private OperationComponent(OperationComponentKind kind, int length, string text)
    {
        Kind = kind;
        Length = length;
        Text = text;
    }

    /// <summary>Whether this step retains, inserts or deletes.</summary>
    public OperationComponentKind Kind { get; }

    /// <summary>The number of UTF-16 code units retained, inserted or deleted (always positive).</summary>
    public int Length { get; }

    /// <summary>The inserted text for an insert; the empty string for a retain or a delete.</summary>
    public string Text { get; }

    internal static OperationComponent Retain(int count) => new(OperationComponentKind.Retain, count, "");

    internal static OperationComponent Insert(string text) => new(OperationComponentKind.Insert, text.Length, text);

    internal static OperationComponent Delete(int count) => new(OperationComponentKind.Delete, count, "");

    /// <summary>The step in the wire format: a positive number, a negative number, or a quoted string.</summary>
    public override string ToString() => Kind switch
    {
        OperationComponentKind.Retain => Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
        OperationComponentKind.Delete => (-Length).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => System.Text.Json.JsonSerializer.Serialize(Text),
    };
}
