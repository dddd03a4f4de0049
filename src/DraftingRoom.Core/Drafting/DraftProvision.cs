namespace DraftingRoom.Core.Drafting;

/// <summary>One provision of a draft declaration: a preambular paragraph or an article.</summary>
/// <param name="Kind">Whether this is a preambular paragraph or an article.</param>
/// <param name="Number">
/// For articles, the label without the word "Article", as the document writes it ("1", "12", "3 bis", "IV");
/// <see langword="null"/> for preambular paragraphs.
/// </param>
/// <param name="Title">The article's title ("The right to international solidarity"), or <see langword="null"/>.</param>
/// <param name="Text">
/// The provision's text: paragraphs separated by a single blank line (<c>"\n\n"</c>), line endings normalised
/// to <c>"\n"</c>, no leading or trailing white space.
/// </param>
/// <param name="SourceLine">
/// The 1-based line of the source file where the provision starts (for Word documents, the paragraph number).
/// </param>
public sealed record DraftProvision(ProvisionKind Kind, string? Number, string? Title, string Text, int SourceLine);
