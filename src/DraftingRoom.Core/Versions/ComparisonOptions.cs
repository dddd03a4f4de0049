namespace DraftingRoom.Core.Versions;

/// <summary>How <see cref="VersionComparer"/> compares matched provisions.</summary>
/// <param name="RewriteSimilarity">
/// Below this similarity (<see cref="ArticleMatch.Similarity"/>: the share of word pairs the two texts have in
/// common), a provision counts as rewritten: its old text is shown deleted and its new text inserted as wholes,
/// paragraph beside paragraph, instead of word by word. A word diff of unrelated texts only keeps scattered "the",
/// "of" and spaces, which is harder to read than the two texts; it is also the costliest diff. 0 diffs every text
/// word by word.
/// </param>
/// <param name="RewriteMinLength">
/// Texts shorter than this many characters (either side) are always compared word by word: in a text of a few
/// words one change alters most word pairs.
/// </param>
public sealed record ComparisonOptions(double RewriteSimilarity = 0.1, int RewriteMinLength = 60)
{
    /// <summary>The defaults.</summary>
    public static ComparisonOptions Default { get; } = new();
}
