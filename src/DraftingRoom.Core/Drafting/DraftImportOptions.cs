namespace DraftingRoom.Core.Drafting;

/// <summary>Limits applied when a draft is imported.</summary>
/// <param name="MaxProvisionLength">
/// The longest text, in characters, a single provision may have; a longer one usually means the document's
/// structure was not recognised (for instance articles written in a way the importer does not know).
/// </param>
public sealed record DraftImportOptions(int MaxProvisionLength = 20_000);
