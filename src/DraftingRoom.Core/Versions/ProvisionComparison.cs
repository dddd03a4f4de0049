using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Versions;

/// <summary>What changed in one matched provision, word by word.</summary>
/// <param name="Match">The provisions compared and how they were matched.</param>
/// <param name="Text">
/// The word diff of the old text and the new text (<see cref="ArticleMatch.OldText"/> and
/// <see cref="ArticleMatch.NewText"/>: for a split or merge, the texts joined by blank lines; for an added or
/// removed provision, everything inserted or deleted).
/// </param>
/// <param name="SideBySide">The same two texts aligned paragraph by paragraph, for showing side by side.</param>
/// <param name="Title">The word diff of the titles (for a split or merge, the titles joined by " / ").</param>
public sealed record ProvisionComparison(ArticleMatch Match, TextDiff Text, SideBySideDiff SideBySide, TextDiff Title)
{
    /// <summary>The match's label ("Article 5 (was Article 4)").</summary>
    public string Label => Match.Label;

    /// <summary>How the provision changed.</summary>
    public ArticleMatchKinds Kinds => Match.Kinds;

    /// <summary>
    /// Whether the texts were so different (see <see cref="ComparisonOptions.RewriteSimilarity"/>) that they are
    /// compared as wholes: <see cref="Text"/> is the old text deleted then the new text inserted, and
    /// <see cref="SideBySide"/> pairs the paragraphs by position, each entirely deleted or inserted.
    /// </summary>
    public bool Rewritten { get; init; }
}
