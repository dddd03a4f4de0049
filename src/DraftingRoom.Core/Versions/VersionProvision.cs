using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Core.Versions;

/// <summary>One provision as it stands in a version of a declaration.</summary>
/// <param name="StableId">
/// The article's identity across versions, when the version was published from the drafting room; it survives
/// renumbering and moves. <see langword="null"/> for provisions of imported documents, which are matched by number
/// and text instead.
/// </param>
/// <param name="Kind">Whether this is a preambular paragraph or an article.</param>
/// <param name="Position">
/// Where the provision stands in its version. Provisions are read in the order of <see cref="Kind"/> (preamble
/// first), then of this number; the numbers need not be contiguous.
/// </param>
/// <param name="Number">
/// For articles, the label without the word "Article" ("1", "3 bis"); <see langword="null"/> for preambular
/// paragraphs.
/// </param>
/// <param name="Title">The article's title, or <see langword="null"/>.</param>
/// <param name="Text">The text; paragraphs separated by a blank line (<c>"\n\n"</c>).</param>
public sealed record VersionProvision(Guid? StableId, ProvisionKind Kind, int Position, string? Number, string? Title, string Text);
