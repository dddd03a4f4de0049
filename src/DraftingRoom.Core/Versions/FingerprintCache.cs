namespace DraftingRoom.Core.Versions;

/// <summary>
/// The fingerprints of the provisions of one comparison, read once: the matcher uses them to compare texts, the
/// comparer to count the words of texts it does not diff.
/// </summary>
internal sealed class FingerprintCache
{
    private readonly TextFingerprint.Vocabulary _vocabulary = new();
    private readonly Dictionary<VersionProvision, TextFingerprint> _prints = new(ReferenceEqualityComparer.Instance);

    public TextFingerprint Of(VersionProvision provision)
    {
        if (!_prints.TryGetValue(provision, out var print))
        {
            _prints[provision] = print = TextFingerprint.Of(provision.Text, _vocabulary);
        }

        return print;
    }

    /// <summary>The fingerprint of several provisions' texts joined together.</summary>
    public TextFingerprint Of(IReadOnlyList<VersionProvision> provisions) =>
        TextFingerprint.Sum(provisions.Select(Of).ToList());
}
