using System.Collections.Concurrent;
using System.Diagnostics;

namespace DraftingRoom.Benchmarks.CoEditing;

/// <summary>
/// Follows every committed operation from the keystrokes in it to the last client that applies it. A document has
/// one sequence of revisions, so the revision identifies the operation; its author's acknowledgement says which
/// client id and sequence number it carries and when its keystrokes were typed, and every other client reports
/// when it applied it. Once all of them have, each of its keystrokes gives one sample: the time from the keystroke
/// to the last of those applications.
/// </summary>
/// <remarks>
/// Hundreds of clients report every revision, so the reports are a few interlocked operations on slots indexed by
/// revision (revisions are dense from 1), without locks; the samples are computed when asked for.
/// </remarks>
internal sealed class DeliveryTracker(int clients)
{
    private readonly Slots<Delivery> _deliveries = new();
    private readonly ConcurrentDictionary<(string ClientId, long Sequence), long> _revisionBySubmission = new();
    private readonly List<Sample> _ackLatencies = [];
    private long _acknowledged;
    private long _duplicated;
    private long _mismatched;

    public long AcknowledgedCount => Interlocked.Read(ref _acknowledged);
    public long Duplicated => Interlocked.Read(ref _duplicated);
    public long Mismatched => Interlocked.Read(ref _mismatched);

    /// <summary>The author heard its operation was committed at <paramref name="revision"/>.</summary>
    public void Acknowledged(long revision, string clientId, long sequence, long[] keystrokeTimestamps, long now)
    {
        Interlocked.Increment(ref _acknowledged);
        Identify(revision, clientId, sequence);
        lock (_ackLatencies)
            foreach (var typed in keystrokeTimestamps) _ackLatencies.Add(new Sample(typed, Stopwatch.GetElapsedTime(typed, now).TotalMilliseconds));
        Volatile.Write(ref _deliveries[revision].Keystrokes, keystrokeTimestamps);
    }

    /// <summary>Another client applied <paramref name="revision"/> to its text at <paramref name="now"/>.</summary>
    public void Applied(long revision, long now)
    {
        ref var delivery = ref _deliveries[revision];
        Interlocked.Increment(ref delivery.Receivers);
        var last = Volatile.Read(ref delivery.LastApplied);
        while (now > last)
        {
            var seen = Interlocked.CompareExchange(ref delivery.LastApplied, now, last);
            if (seen == last) break;
            last = seen;
        }
    }

    /// <summary>
    /// Someone was told that <paramref name="revision"/> holds this submission. One submission at two revisions is a
    /// duplicate; two submissions at one revision is a fork.
    /// </summary>
    public void Identify(long revision, string clientId, long sequence)
    {
        ref var delivery = ref _deliveries[revision];
        var known = Volatile.Read(ref delivery.Submission)
            ?? Interlocked.CompareExchange(ref delivery.Submission, new Submission(clientId, sequence), null);
        if (known is null)
        {
            // The first to hear of this revision: is its submission known at another one?
            if (_revisionBySubmission.GetOrAdd((clientId, sequence), revision) != revision) Interlocked.Increment(ref _duplicated);
        }
        else if (known.Sequence != sequence || (!ReferenceEquals(known.ClientId, clientId) && known.ClientId != clientId))
        {
            Interlocked.Increment(ref _mismatched);
        }
    }

    /// <summary>Acknowledged operations that some client never applied.</summary>
    public long Lost => Revisions().Count(d => d.Keystrokes is not null && d.Receivers < clients - 1);

    /// <summary>Operations applied by clients whose author never heard they were committed.</summary>
    public long Unacknowledged => Revisions().Count(d => d.Keystrokes is null && d.Receivers > 0);

    /// <summary>For each keystroke seen by everyone: when it was typed and how long until the last other client had it.</summary>
    public IReadOnlyList<Sample> KeystrokeLatencies() =>
        Revisions()
            .Where(d => d.Keystrokes is not null && d.Receivers >= clients - 1)
            .SelectMany(d => d.Keystrokes!.Select(typed => new Sample(typed, Stopwatch.GetElapsedTime(typed, d.LastApplied).TotalMilliseconds)))
            .ToList();

    /// <summary>For each acknowledged keystroke: when it was typed and how long until its author heard it was stored.</summary>
    public IReadOnlyList<Sample> AckLatencies()
    {
        lock (_ackLatencies) return _ackLatencies.ToList();
    }

    private IEnumerable<Delivery> Revisions()
    {
        for (long revision = 1; revision <= _deliveries.Highest; revision++) yield return _deliveries[revision];
    }

    /// <param name="TypedAt">When the keystroke was typed (<see cref="Stopwatch.GetTimestamp"/>).</param>
    public readonly record struct Sample(long TypedAt, double Milliseconds);

    private sealed record Submission(string ClientId, long Sequence);

    private struct Delivery
    {
        public long[]? Keystrokes;
        public int Receivers;
        public long LastApplied;
        public Submission? Submission;
    }

    /// <summary>Slots by revision, in chunks allocated on first use, so that a slot never moves.</summary>
    private sealed class Slots<T>
    {
        private const int ChunkSize = 1 << 14;
        private readonly Lock _growing = new();
        private T[]?[] _chunks = new T[]?[64];
        private long _highest;

        public long Highest => Volatile.Read(ref _highest);

        public ref T this[long index]
        {
            get
            {
                var chunkIndex = (int)(index / ChunkSize);
                if (chunkIndex >= Volatile.Read(ref _chunks).Length)
                    lock (_growing)
                        if (chunkIndex >= _chunks.Length)
                        {
                            var grown = new T[]?[Math.Max(chunkIndex + 1, _chunks.Length * 2)];
                            Array.Copy(_chunks, grown, _chunks.Length);
                            Volatile.Write(ref _chunks, grown);
                        }
                var chunks = Volatile.Read(ref _chunks);
                var chunk = Volatile.Read(ref chunks[chunkIndex]);
                if (chunk is null)
                    lock (_growing)
                    {
                        chunks = _chunks;
                        chunk = chunks[chunkIndex] ??= new T[ChunkSize];
                    }
                var highest = Volatile.Read(ref _highest);
                while (index > highest)
                {
                    var seen = Interlocked.CompareExchange(ref _highest, index, highest);
                    if (seen == highest) break;
                    highest = seen;
                }
                return ref chunk[index % ChunkSize];
            }
        }
    }
}
