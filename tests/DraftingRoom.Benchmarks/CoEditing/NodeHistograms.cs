using System.Globalization;
using System.Text.RegularExpressions;

namespace DraftingRoom.Benchmarks.CoEditing;

/// <summary>
/// One of the app's latency histograms as its Prometheus scrape (/metrics) gives it: cumulative counts per upper
/// bound, summed over nodes. Two scrapes give what happened between them.
/// </summary>
internal sealed partial class NodeHistograms
{
    private readonly SortedDictionary<double, double> _cumulative;

    private NodeHistograms(SortedDictionary<double, double> cumulative) => _cumulative = cumulative;

    public double Count => _cumulative.Count == 0 ? 0 : _cumulative.Values.Max();

    /// <summary>Reads the histogram <paramref name="name"/> (its Prometheus name, without _bucket) from every node.</summary>
    public static async Task<NodeHistograms> ScrapeAsync(IEnumerable<AppNode> nodes, string name)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var cumulative = new SortedDictionary<double, double>();
        foreach (var node in nodes)
        {
            var text = await http.GetStringAsync(new Uri(node.BaseAddress, "/metrics"));
            foreach (Match bucket in Bucket().Matches(text))
            {
                if (bucket.Groups["name"].Value != name) continue;
                var bound = bucket.Groups["le"].Value == "+Inf"
                    ? double.PositiveInfinity
                    : double.Parse(bucket.Groups["le"].Value, CultureInfo.InvariantCulture);
                cumulative[bound] = cumulative.GetValueOrDefault(bound) + double.Parse(bucket.Groups["count"].Value, CultureInfo.InvariantCulture);
            }
        }
        return new NodeHistograms(cumulative);
    }

    /// <summary>What was recorded after <paramref name="earlier"/>.</summary>
    public NodeHistograms Since(NodeHistograms earlier) => new(new SortedDictionary<double, double>(
        _cumulative.ToDictionary(p => p.Key, p => p.Value - earlier._cumulative.GetValueOrDefault(p.Key))));

    /// <summary>How many took longer than <paramref name="seconds"/> (one of the bucket bounds).</summary>
    public double Over(double seconds) => Count - _cumulative.GetValueOrDefault(seconds, Count);

    /// <summary>The upper bound of the bucket holding the <paramref name="percentile"/>th percentile, in seconds.</summary>
    public double UpperBound(double percentile)
    {
        foreach (var (bound, count) in _cumulative)
            if (count >= Count * percentile / 100) return bound;
        return double.NaN;
    }

    [GeneratedRegex("""^(?<name>[a-z_]+)_bucket\{[^}]*le="(?<le>[^"]+)"[^}]*\} (?<count>\S+)""", RegexOptions.Multiline)]
    private static partial Regex Bucket();
}
