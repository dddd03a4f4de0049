using System.Globalization;

namespace DraftingRoom.Web.Tests.MultiNode;

/// <summary>Reads values from a Prometheus text exposition (what /metrics answers).</summary>
internal static class PrometheusText
{
    /// <summary>
    /// The sum of the samples of <paramref name="metric"/> that carry every label given; 0 when there is none.
    /// </summary>
    public static double Value(string exposition, string metric, params (string Name, string Value)[] labels)
    {
        double sum = 0;
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(metric, StringComparison.Ordinal)) continue;
            var rest = line[metric.Length..];
            if (rest.Length == 0 || (rest[0] != ' ' && rest[0] != '{')) continue;
            var labelText = rest[0] == '{' ? rest[1..rest.IndexOf('}')] : "";
            if (!labels.All(l => labelText.Contains($"{l.Name}=\"{l.Value}\"", StringComparison.Ordinal))) continue;
            var value = (rest[0] == '{' ? rest[(rest.IndexOf('}') + 1)..] : rest).Trim().Split(' ')[0];
            sum += double.Parse(value, CultureInfo.InvariantCulture);
        }
        return sum;
    }
}
