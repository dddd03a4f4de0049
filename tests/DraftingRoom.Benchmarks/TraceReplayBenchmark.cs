using System.Diagnostics;
using System.Globalization;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Core.Collaboration.Traces;

namespace DraftingRoom.Benchmarks;

/// <summary>
/// Replays recorded sequential editing traces through the engine in memory, three ways: each recorded patch converted
/// to a <see cref="TextOperation"/> on the current document and applied to a <see cref="TextBuffer"/>
/// (patches>buffer); the operations converted beforehand, applied to a buffer (buffer); and the operations submitted
/// by one <see cref="OtClient"/> to a <see cref="DocumentSequencer"/> and acknowledged (client+server). Reading the
/// gzipped JSON is not timed.
/// </summary>
internal static class TraceReplayBenchmark
{
    private static readonly string[] Traces = ["automerge-paper", "seph-blog1"];

    public static Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
        var data = SharedData.Locate();
        if (data is null)
        {
            Console.Error.WriteLine("shared/data/editing-traces not found; set DRAFTINGROOM_SHARED_DATA to the shared/data folder.");
            return Task.FromResult(1);
        }

        Console.WriteLine($"trace-replay: {runs} runs each after one warm-up, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        foreach (var name in Traces)
        {
            var trace = EditingTrace.Load(Path.Combine(data, "editing-traces", name + ".json.gz"));
            var operations = trace.ToOperations();
            Report(name, "patches>buffer", operations.Count, Measure(runs, () => ReplayPatches(trace)));
            Report(name, "buffer", operations.Count, Measure(runs, () => ReplayBuffer(trace, operations)));
            Report(name, "client+server", operations.Count, Measure(runs, () => ReplayServer(trace, operations)));
        }

        return Task.FromResult(0);
    }

    // The whole path from the recorded patches: each becomes an operation on the current document, then is applied.
    private static void ReplayPatches(EditingTrace trace)
    {
        var buffer = new TextBuffer(trace.StartContent);
        foreach (var transaction in trace.Transactions)
        {
            foreach (var patch in transaction.Patches)
            {
                buffer.Apply(patch.ToOperation(buffer));
            }
        }

        Check(trace, buffer.ToString());
    }

    private static void ReplayBuffer(EditingTrace trace, IReadOnlyList<TextOperation> operations)
    {
        var buffer = new TextBuffer(trace.StartContent);
        foreach (var operation in operations)
        {
            buffer.Apply(operation);
        }

        Check(trace, buffer.ToString());
    }

    private static void ReplayServer(EditingTrace trace, IReadOnlyList<TextOperation> operations)
    {
        var server = new DocumentSequencer(trace.StartContent);
        var client = new OtClient("author", 0);
        foreach (var operation in operations)
        {
            var outgoing = client.ApplyLocal(operation)!;
            var result = server.Receive(outgoing.ClientId, outgoing.Sequence, outgoing.BaseRevision, outgoing.Operation);
            client.ReceiveAck(result.Committed.Revision);
        }

        Check(trace, server.Text);
    }

    private static void Check(EditingTrace trace, string result)
    {
        if (result != trace.EndContent)
        {
            throw new InvalidOperationException("The replay did not end at the recorded text.");
        }
    }

    private static (double[] Seconds, double AllocatedMegabytes) Measure(int runs, Action replay)
    {
        replay(); // warm-up: JIT and tiering
        var seconds = new double[runs];
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            replay();
            seconds[i] = watch.Elapsed.TotalSeconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Array.Sort(seconds);
        return (seconds, allocated / 1024.0 / 1024.0);
    }

    private static void Report(string trace, string path, int edits, (double[] Seconds, double AllocatedMegabytes) result)
    {
        var median = result.Seconds[result.Seconds.Length / 2];
        var min = result.Seconds[0];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{trace,-16} {path,-15} {edits,8:N0} edits  median {median * 1000,8:F1} ms  min {min * 1000,8:F1} ms  "
            + $"{edits / median,12:N0} edits/s  {result.AllocatedMegabytes,8:F1} MB allocated per run"));
    }
}
