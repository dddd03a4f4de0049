namespace DraftingRoom.Benchmarks;

/// <summary>Percentiles of measured values, by the nearest-rank method, for every benchmark's figures.</summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="percentile"/>th percentile (0 to 100) of <paramref name="sorted"/>, sorted
    /// ascending; NaN when there is nothing.</summary>
    public static double Of(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0
            ? double.NaN
            : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
