namespace DraftingRoom.Core.Drafting;

/// <summary>A draft declaration as imported: an optional title and its provisions in document order.</summary>
/// <param name="Title">The document's title, or <see langword="null"/> when the document has none.</param>
/// <param name="Provisions">The preambular paragraphs followed by the articles, in document order.</param>
public sealed record DraftDocument(string? Title, IReadOnlyList<DraftProvision> Provisions)
{
    /// <summary>The preambular paragraphs, in document order.</summary>
    public IEnumerable<DraftProvision> Preamble => Provisions.Where(p => p.Kind == ProvisionKind.PreambularParagraph);

    /// <summary>The articles, in document order.</summary>
    public IEnumerable<DraftProvision> Articles => Provisions.Where(p => p.Kind == ProvisionKind.Article);
}
