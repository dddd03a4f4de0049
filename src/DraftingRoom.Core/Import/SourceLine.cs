namespace DraftingRoom.Core.Import;

/// <summary>How a line of the source was marked up, as far as the structure rules care.</summary>
internal enum LineStyle
{
    /// <summary>Ordinary text.</summary>
    Plain,

    /// <summary>A Markdown heading or a Word paragraph in a heading or title style.</summary>
    Heading,

    /// <summary>A line that is bold or italic as a whole (<c>**…**</c>, <c>*…*</c>, or all bold runs in Word).</summary>
    Emphasised,
}

/// <summary>
/// One line of a source document, after its format-specific markup has been read. Markdown, plain text and Word
/// documents are all reduced to these lines so that one set of structure rules applies to every format.
/// </summary>
/// <param name="Text">The line without its markup (heading markers, whole-line emphasis); empty for a blank line.</param>
/// <param name="Number">The 1-based line (or Word paragraph) number, for error messages and provisions.</param>
/// <param name="Style">How the line was marked up.</param>
/// <param name="Raw">
/// The line as written, when it differs from <paramref name="Text"/> and the markup is worth keeping if the line
/// ends up in a provision's text (emphasis inside an article).
/// </param>
internal sealed record SourceLine(string Text, int Number, LineStyle Style = LineStyle.Plain, string? Raw = null)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    public string Original => Raw ?? Text;
}
