namespace DraftingRoom.Core.Drafting;

/// <summary>
/// A draft could not be imported. The message is meant for the person who uploaded the file and names where the
/// problem is ("Line 42: Article 3 has no text.").
/// </summary>
/// <param name="message">What is wrong, without the location.</param>
/// <param name="line">
/// The 1-based line where parsing failed (for Word documents, the paragraph number), or <see langword="null"/> when
/// the problem is not at one place.
/// </param>
public sealed class DraftImportException(string message, int? line = null) : Exception(message)
{
    // Word documents have no lines; their errors name the paragraph instead.
    private readonly string _locationLabel = "Line";

    internal DraftImportException(string message, int? line, string locationLabel)
        : this(message, line) => _locationLabel = locationLabel;

    /// <summary>
    /// The 1-based line where parsing failed (for Word documents, the paragraph number), or <see langword="null"/>.
    /// </summary>
    public int? Line { get; } = line;

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; } = message;

    /// <summary>The reason, preceded by its location when there is one ("Line 42: …").</summary>
    public override string Message => Line is { } n ? $"{_locationLabel} {n}: {Reason}" : Reason;
}
