using System.Diagnostics;
using System.Globalization;
using static System.FormattableString;

namespace DraftingRoom.Benchmarks;

/// <summary>
/// How long the disk under the temporary folder takes to flush a small write, as PostgreSQL does at every commit:
/// 8 KB written, then flushed to disk (fsync), a few hundred times a second. Every co-editing batch waits for one such
/// flush, so a flush that stalls holds up everyone in the document; this measures the disk alone, with nothing else
/// of DraftingRoom running.
/// </summary>
internal static class DiskFlushBenchmark
{
    private const int BlockSize = 8192;
    private const int FileBlocks = 2048;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 60;
        var perSecond = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var path = Path.Combine(Path.GetTempPath(), $"draftingroom-disk-flush-{Environment.ProcessId}.bin");
        Console.WriteLine(Invariant($"disk-flush: {BlockSize / 1024} KB written then flushed to disk, up to {perSecond} times a second for {seconds} s, in {Path.GetDirectoryName(path)}"));

        var latencies = new List<(TimeSpan At, double Milliseconds)>();
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            file.SetLength((long)BlockSize * FileBlocks);
            file.Flush(flushToDisk: true);
            var block = new byte[BlockSize];
            Random.Shared.NextBytes(block);
            var interval = TimeSpan.FromSeconds(1.0 / perSecond);
            var run = Stopwatch.StartNew();
            var next = TimeSpan.Zero;
            for (var i = 0; run.Elapsed < TimeSpan.FromSeconds(seconds); i++)
            {
                file.Position = (long)(i % FileBlocks) * BlockSize;
                file.Write(block);
                var started = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                latencies.Add((run.Elapsed, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                next += interval;
                var wait = next - run.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
            }
        }
        finally
        {
            File.Delete(path);
        }

        var sorted = latencies.Select(l => l.Milliseconds).Order().ToArray();
        double P(double percentile) => Percentiles.Of(sorted, percentile);
        Console.WriteLine(Invariant($"flushes={sorted.Length} p50_ms={P(50):F2} p99_ms={P(99):F2} p99.9_ms={P(99.9):F1} max_ms={sorted[^1]:F0} over_50ms={sorted.Count(l => l > 50)} over_100ms={sorted.Count(l => l > 100)} over_250ms={sorted.Count(l => l > 250)}"));
        Console.WriteLine(Invariant($"slowest flush by 5 s: {string.Join(", ", latencies.GroupBy(l => (int)(l.At.TotalSeconds / 5)).Select(g => g.Max(l => l.Milliseconds).ToString("F0", CultureInfo.InvariantCulture) + " ms"))}"));
        return 0;
    }
}
