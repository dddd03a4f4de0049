using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Core.Versions;

/// <summary>
/// Provisions of two versions recognised as the same: one old and one new, several new from one old (split), one
/// new from several old (merged), or one side only (added or removed).
/// </summary>
/// <param name="Kind">Whether the provisions are preambular paragraphs or articles.</param>
/// <param name="Kinds">How the provision changed.</param>
/// <param name="Old">The provisions of the older version, in document order; empty when added.</param>
/// <param name="New">The provisions of the newer version, in document order; empty when removed.</param>
/// <param name="Label">
/// What a reader is shown: "Article 5", "Article 5 (was Article 4)", "Article 7 (new)", "Article 3 (removed)",
/// "Articles 8 and 9 (split from Article 8)", "Article 8 (merged from Articles 8 and 9)".
/// </param>
/// <param name="Similarity">
/// How much text the two sides share, from 0 to 1: the Dice coefficient of their pairs of consecutive words (twice
/// the pairs in common over all pairs), 1 for identical texts, 0 when one side is missing.
/// </param>
public sealed record ArticleMatch(
    ProvisionKind Kind,
    ArticleMatchKinds Kinds,
    IReadOnlyList<VersionProvision> Old,
    IReadOnlyList<VersionProvision> New,
    string Label,
    double Similarity)
{
    /// <summary>Whether every one of the given flags applies.</summary>
    /// <param name="kinds">The flags to test.</param>
    /// <returns><see langword="true"/> when all of them are set.</returns>
    public bool Is(ArticleMatchKinds kinds) => (Kinds & kinds) == kinds;

    /// <summary>The old text: the old provisions' texts joined by a blank line; empty when added.</summary>
    public string OldText => string.Join("\n\n", Old.Select(p => p.Text));

    /// <summary>The new text: the new provisions' texts joined by a blank line; empty when removed.</summary>
    public string NewText => string.Join("\n\n", New.Select(p => p.Text));
}
