namespace DraftingRoom.Core.Merging;

/// <summary>Where the text of a resolved part of a merge comes from.</summary>
public enum MergeChunkOrigin
{
    /// <summary>Neither side changed this text: it is the base text.</summary>
    Unchanged,

    /// <summary>Only "ours" (the current official text) changed this text, and its version is taken.</summary>
    Ours,

    /// <summary>Only "theirs" (the proposal) changed this text, and its version is taken.</summary>
    Theirs,

    /// <summary>Both sides made the same change here; it is taken once.</summary>
    Both,
}

/// <summary>
/// One part of a <see cref="MergeResult"/>, in text order: either a <see cref="ResolvedChunk"/>, whose text is
/// settled, or a <see cref="ConflictChunk"/>, which the Independent Expert has to settle.
/// </summary>
/// <param name="BaseText">The text of the common base that this part covers (empty where a side only inserts).</param>
public abstract record MergeChunk(string BaseText);

/// <summary>A part of a merge whose text is settled.</summary>
/// <param name="BaseText">The base text this part replaces; equal to <paramref name="Text"/> when unchanged.</param>
/// <param name="Text">The merged text. It is empty when a side deleted <paramref name="BaseText"/>.</param>
/// <param name="Origin">Which side the text comes from.</param>
public sealed record ResolvedChunk(string BaseText, string Text, MergeChunkOrigin Origin) : MergeChunk(BaseText);

/// <summary>
/// A part of a merge that both sides changed differently. Settle it with <see cref="Resolve"/> or through
/// <see cref="MergeResult.Resolve"/>.
/// </summary>
/// <param name="Index">The conflict's 0-based number among the conflicts of its merge, in text order; the key to use
/// in <see cref="MergeResult.Resolve"/>.</param>
/// <param name="BaseText">The base text both sides changed (empty when both inserted at the same place).</param>
/// <param name="OursText">What "ours" (the current official text) has instead of <paramref name="BaseText"/>.</param>
/// <param name="TheirsText">What "theirs" (the proposal) has instead of <paramref name="BaseText"/>.</param>
public sealed record ConflictChunk(int Index, string BaseText, string OursText, string TheirsText) : MergeChunk(BaseText)
{
    /// <summary>The text this conflict becomes under <paramref name="resolution"/>.</summary>
    /// <param name="resolution">How to settle the conflict.</param>
    /// <returns>
    /// <see cref="OursText"/>, <see cref="TheirsText"/>, both (see <see cref="ConflictChoice.Both"/>), or the custom
    /// wording.
    /// </returns>
    public string Resolve(ConflictResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return resolution.Choice switch
        {
            ConflictChoice.Ours => OursText,
            ConflictChoice.Theirs => TheirsText,
            ConflictChoice.Both => ConflictResolution.JoinBoth(OursText, TheirsText),
            _ => resolution.CustomText!,
        };
    }
}
