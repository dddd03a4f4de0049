using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Core.Versions;

/// <summary>
/// A version of a declaration as published or imported: a named, dated snapshot of every provision.
/// </summary>
/// <param name="Title">The declaration's title ("Draft declaration on the right to international solidarity").</param>
/// <param name="Symbol">The UN document symbol ("A/HRC/35/35"), or <see langword="null"/>.</param>
/// <param name="Label">The version's name ("Revised draft, March 2027").</param>
/// <param name="Date">The version's date, or <see langword="null"/> when unknown.</param>
/// <param name="Provisions">
/// The provisions. They are read in document order, preamble first, then by <see cref="VersionProvision.Position"/>;
/// see <see cref="Ordered"/>.
/// </param>
public sealed record VersionDocument(
    string Title, string? Symbol, string Label, DateOnly? Date, IReadOnlyList<VersionProvision> Provisions)
{
    /// <summary>The provisions in document order: the preamble, then the articles, each by position.</summary>
    public IEnumerable<VersionProvision> Ordered => Provisions.OrderBy(p => p.Kind).ThenBy(p => p.Position);

    /// <summary>The preambular paragraphs, in document order.</summary>
    public IEnumerable<VersionProvision> Preamble => Ordered.Where(p => p.Kind == ProvisionKind.PreambularParagraph);

    /// <summary>The articles, in document order.</summary>
    public IEnumerable<VersionProvision> Articles => Ordered.Where(p => p.Kind == ProvisionKind.Article);

    /// <summary>
    /// Makes a version of an imported draft. Its provisions have no stable ids; their positions count from 1 in
    /// document order.
    /// </summary>
    /// <param name="draft">The imported draft.</param>
    /// <param name="label">The version's name.</param>
    /// <param name="symbol">The UN document symbol, if any.</param>
    /// <param name="date">The version's date, if known.</param>
    /// <param name="title">The title to use when the draft has none; by default the label.</param>
    /// <returns>The version.</returns>
    public static VersionDocument FromDraft(
        DraftDocument draft, string label, string? symbol = null, DateOnly? date = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(label);
        var provisions = draft.Provisions
            .Select((p, i) => new VersionProvision(null, p.Kind, i + 1, p.Number, p.Title, p.Text))
            .ToList();
        return new VersionDocument(draft.Title ?? title ?? label, symbol, label, date, provisions);
    }
}
