using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DraftingRoom.Web.Observability;

/// <summary>
/// DraftingRoom's own instruments, on the meter "DraftingRoom" (exported by OpenTelemetry: a Prometheus scrape at
/// /metrics, and OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set). Counters are totals since the process started; rates
/// per second or per minute are what a monitoring system computes from them. Every node reports its own.
/// </summary>
public sealed class DraftingRoomMetrics
{
    public const string MeterName = "DraftingRoom";

    private readonly UpDownCounter<long> _clients;
    private readonly Counter<long> _operations;
    private readonly Histogram<double> _ackLatency;
    private readonly Histogram<double> _propagationLatency;
    private readonly Histogram<double> _storeLatency;
    private readonly Counter<long> _comments;
    private readonly Counter<long> _decisions;

    public DraftingRoomMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _clients = Meter.CreateUpDownCounter<long>("draftingroom.clients.connected", "{connection}",
            "Clients connected to this node now: co-editing hub connections (kind=editor) and Blazor circuits (kind=page).");
        _operations = Meter.CreateCounter<long>("draftingroom.operations.committed", "{operation}",
            "Co-editing operations committed (stored in the operation log) by this node.");
        _ackLatency = Meter.CreateHistogram<double>("draftingroom.operation.ack.duration", "s",
            "From a submission reaching the hub to its acknowledgement: queueing, transformation and the durable commit.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _propagationLatency = Meter.CreateHistogram<double>("draftingroom.operation.propagation.duration", "s",
            "From a batch of operations being stored to its broadcast being handed on to every client of the document " +
            "(through the Redis backplane when one is configured).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _storeLatency = Meter.CreateHistogram<double>("draftingroom.operation.store.duration", "s",
            "Writing one batch of committed operations to the operation log, the database's flush to disk included: " +
            "everyone in the document waits for it.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets });
        _comments = Meter.CreateCounter<long>("draftingroom.comments.posted", "{comment}",
            "Comments (kind=comment) and replies (kind=reply) stored.");
        _decisions = Meter.CreateCounter<long>("draftingroom.decisions.made", "{decision}",
            "Decisions on proposals stored, by outcome (accepted, accepted-with-changes, rejected).");
    }

    public Meter Meter { get; }

    private static readonly IReadOnlyList<double> LatencyBuckets =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public void ClientConnected(string kind) => _clients.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void ClientDisconnected(string kind) => _clients.Add(-1, new KeyValuePair<string, object?>("kind", kind));

    public void OperationsCommitted(int count)
    {
        if (count > 0) _operations.Add(count);
    }

    /// <summary>Records the time since <paramref name="startTimestamp"/> (from <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public void OperationAcknowledged(long startTimestamp) =>
        _ackLatency.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);

    public void BatchBroadcast(long storedTimestamp) =>
        _propagationLatency.Record(Stopwatch.GetElapsedTime(storedTimestamp).TotalSeconds);

    public void BatchStored(TimeSpan took) => _storeLatency.Record(took.TotalSeconds);

    public void CommentPosted(string kind) => _comments.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void DecisionMade(string outcome) => _decisions.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static class Kinds
    {
        public const string Editor = "editor";
        public const string Page = "page";
        public const string Comment = "comment";
        public const string Reply = "reply";
    }
}
