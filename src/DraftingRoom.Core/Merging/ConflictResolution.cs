using System.Globalization;
using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Merging;

/// <summary>How the Independent Expert settles one conflict of a merge.</summary>
public enum ConflictChoice
{
    /// <summary>Keep the current official text's version.</summary>
    Ours,

    /// <summary>Take the proposal's version.</summary>
    Theirs,

    /// <summary>
    /// Keep both: the official text's version, then the proposal's. When the two would otherwise run together into
    /// one word (a letter or digit on each side of the join), a single space separates them.
    /// </summary>
    Both,

    /// <summary>Use wording of her own (<see cref="ConflictResolution.CustomText"/>).</summary>
    Custom,
}

/// <summary>
/// The settlement of one conflict: one of the <see cref="ConflictChoice"/> values, with the wording for
/// <see cref="ConflictChoice.Custom"/>. Use <see cref="Ours"/>, <see cref="Theirs"/>, <see cref="Both"/> or
/// <see cref="Custom"/>.
/// </summary>
public sealed record ConflictResolution
{
    private ConflictResolution(ConflictChoice choice, string? customText)
    {
        Choice = choice;
        CustomText = customText;
    }

    /// <summary>Keep the current official text's version.</summary>
    public static ConflictResolution Ours { get; } = new(ConflictChoice.Ours, null);

    /// <summary>Take the proposal's version.</summary>
    public static ConflictResolution Theirs { get; } = new(ConflictChoice.Theirs, null);

    /// <summary>Keep both versions, the official text's first (see <see cref="ConflictChoice.Both"/>).</summary>
    public static ConflictResolution Both { get; } = new(ConflictChoice.Both, null);

    /// <summary>Which way the conflict is settled.</summary>
    public ConflictChoice Choice { get; }

    /// <summary>The Independent Expert's own wording for <see cref="ConflictChoice.Custom"/>; otherwise null.</summary>
    public string? CustomText { get; }

    /// <summary>Settles a conflict with wording of the Independent Expert's own.</summary>
    /// <param name="text">The text that replaces the conflicting part; it may be empty to drop the part.</param>
    /// <returns>The resolution.</returns>
    public static ConflictResolution Custom(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ConflictResolution(ConflictChoice.Custom, text);
    }

    /// <summary>The resolution for <see cref="ConflictChoice.Ours"/>, <see cref="ConflictChoice.Theirs"/> or
    /// <see cref="ConflictChoice.Both"/>.</summary>
    /// <param name="choice">The choice.</param>
    /// <returns>The resolution.</returns>
    /// <exception cref="ArgumentException"><paramref name="choice"/> is <see cref="ConflictChoice.Custom"/>, which
    /// needs its wording (use <see cref="Custom"/>), or not a defined value.</exception>
    public static ConflictResolution From(ConflictChoice choice) => choice switch
    {
        ConflictChoice.Ours => Ours,
        ConflictChoice.Theirs => Theirs,
        ConflictChoice.Both => Both,
        ConflictChoice.Custom => throw new ArgumentException(
            "A custom resolution needs its wording: use ConflictResolution.Custom(text).", nameof(choice)),
        _ => throw new ArgumentException($"{choice} is not a conflict choice.", nameof(choice)),
    };

    /// <summary>Joins the two versions of a conflict for <see cref="ConflictChoice.Both"/>.</summary>
    internal static string JoinBoth(string ours, string theirs)
    {
        if (ours.Length == 0 || theirs.Length == 0)
        {
            return ours + theirs;
        }

        // A space goes in only where the last character of one and the first of the other would make one word;
        // ideographs, punctuation and existing white space need none.
        var lastStart = StringInfo.ParseCombiningCharacters(ours)[^1];
        var firstLength = StringInfo.GetNextTextElementLength(theirs);
        var join = string.Concat(ours.AsSpan(lastStart), theirs.AsSpan(0, firstLength));
        var runsTogether = WordChunker.Instance.Chunk(join) is [var only] && WordChunker.IsWord(only);
        return runsTogether ? ours + " " + theirs : ours + theirs;
    }
}
