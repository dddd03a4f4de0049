using System.Text;

namespace DraftingRoom.Core.Merging;

/// <summary>
/// The outcome of a <see cref="ThreeWayMerge"/>: the merged text as a sequence of resolved parts and conflicts, in
/// text order. Concatenating the chunks, each conflict settled one way or another, gives the final text.
/// </summary>
public sealed class MergeResult
{
    internal MergeResult(IReadOnlyList<MergeChunk> chunks)
    {
        Chunks = chunks;
        Conflicts = chunks.OfType<ConflictChunk>().ToList();
    }

    /// <summary>The parts of the merge, in text order. Adjacent unchanged text is one chunk.</summary>
    public IReadOnlyList<MergeChunk> Chunks { get; }

    /// <summary>The conflicts alone, in text order; the conflict at position <c>i</c> has <c>Index == i</c>.</summary>
    public IReadOnlyList<ConflictChunk> Conflicts { get; }

    /// <summary>Whether any part needs the Independent Expert's decision.</summary>
    public bool HasConflicts => Conflicts.Count > 0;

    /// <summary>The merged text, when there is no conflict.</summary>
    /// <exception cref="InvalidOperationException">The merge has conflicts; use <see cref="Resolve"/>.</exception>
    public string Text => HasConflicts
        ? throw new InvalidOperationException(
            $"The merge has {Conflicts.Count} conflict(s); settle them with Resolve to get the final text.")
        : string.Concat(Chunks.Cast<ResolvedChunk>().Select(c => c.Text));

    /// <summary>Produces the final text once every conflict is settled.</summary>
    /// <param name="resolutions">One resolution per conflict, keyed by <see cref="ConflictChunk.Index"/>.</param>
    /// <returns>The merged text with each conflict replaced by the text its resolution gives.</returns>
    /// <exception cref="ArgumentException">A conflict has no resolution, a resolution is null, or a key is not the
    /// index of a conflict.</exception>
    public string Resolve(IReadOnlyDictionary<int, ConflictResolution> resolutions)
    {
        ArgumentNullException.ThrowIfNull(resolutions);
        var unknown = resolutions.Keys.Where(k => k < 0 || k >= Conflicts.Count).Order().ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"There is no conflict {string.Join(", ", unknown)}: the merge has {Conflicts.Count} conflict(s), "
                + $"numbered from 0.", nameof(resolutions));
        }

        var text = new StringBuilder();
        foreach (var chunk in Chunks)
        {
            if (chunk is ResolvedChunk resolved)
            {
                text.Append(resolved.Text);
                continue;
            }

            var conflict = (ConflictChunk)chunk;
            if (!resolutions.TryGetValue(conflict.Index, out var resolution) || resolution is null)
            {
                throw new ArgumentException(
                    $"Conflict {conflict.Index} (\"{conflict.OursText}\" against \"{conflict.TheirsText}\") has no "
                    + "resolution; every conflict needs one.", nameof(resolutions));
            }

            text.Append(conflict.Resolve(resolution));
        }

        return text.ToString();
    }
}
