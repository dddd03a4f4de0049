namespace DraftingRoom.Core.Versions;

/// <summary>Two versions of a declaration compared provision by provision, word by word.</summary>
/// <param name="Older">The older version.</param>
/// <param name="Newer">The newer version.</param>
/// <param name="Provisions">
/// One comparison per match, preamble first, in the newer version's order; removed provisions where they were.
/// </param>
/// <param name="Summary">The counts of what changed.</param>
public sealed record VersionComparison(
    VersionDocument Older, VersionDocument Newer, IReadOnlyList<ProvisionComparison> Provisions, ComparisonSummary Summary)
{
    /// <summary>Whether the versions differ at all; <see langword="false"/> when a version is compared with itself.</summary>
    public bool HasDifferences => Summary.HasDifferences;

    /// <summary>The comparisons of the provisions that changed in any way.</summary>
    public IEnumerable<ProvisionComparison> Changed => Provisions.Where(p => p.Kinds != ArticleMatchKinds.Unchanged);
}
