using DraftingRoom.Benchmarks;

// Each benchmark is a sub-command; add new ones to this table.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["trace-replay"] = TraceReplayBenchmark.RunAsync,
    ["comparison"] = ComparisonBenchmark.RunAsync,
    ["compare-page"] = CompareRenderBenchmark.RunAsync,
    ["disk-flush"] = DiskFlushBenchmark.RunAsync,
    ["co-editing"] = DraftingRoom.Benchmarks.CoEditing.CoEditingBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var benchmark))
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/DraftingRoom.Benchmarks -- <benchmark> [options]");
    Console.Error.WriteLine($"Benchmarks: {string.Join(", ", benchmarks.Keys)}");
    return 2;
}

return await benchmark(args[1..]);
