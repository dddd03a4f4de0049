using System.Collections.Concurrent;
using System.Diagnostics;

namespace DraftingRoom.Benchmarks.CoEditing;

/// <summary>
/// Follows every committed operation from the keystrokes in it to the last client that applies it. A document has
/// one sequence of revisions, so the revision identifies the operation; its author's acknowledgement says which
/// client id and sequence number it carries and when its keystrokes were typed, and every other client reports
/// when it applied it. When all of them have, each of its keystrokes gets one sample: the time from the keystroke to
/// the last of those applications.
/// </summary>
internal sealed class DeliveryTracker(int clients)
{
    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private readonly ConcurrentDictionary<(string ClientId, long Sequence), long> _revisionBySubmission = new();
    private readonly ConcurrentDictionary<long, (string ClientId, long Sequence)> _submissionByRevision = new();
    private readonly List<double> _latenciesMs = [];
    private readonly List<double> _ackLatenciesMs = [];
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
        lock (_ackLatenciesMs)
            foreach (var typed in keystrokeTimestamps) _ackLatenciesMs.Add(Stopwatch.GetElapsedTime(typed, now).TotalMilliseconds);
        var entry = _entries.GetOrAdd(revision, _ => new Entry());
        lock (entry)
        {
            entry.Keystrokes = keystrokeTimestamps;
            TryComplete(revision, entry);
        }
    }

    /// <summary>Another client applied <paramref name="revision"/> to its text at <paramref name="now"/>.</summary>
    public void Applied(long revision, long now)
    {
        var entry = _entries.GetOrAdd(revision, _ => new Entry());
        lock (entry)
        {
            entry.Receivers++;
            if (now > entry.LastApplied) entry.LastApplied = now;
            TryComplete(revision, entry);
        }
    }

    /// <summary>
    /// Someone was told that <paramref name="revision"/> holds this submission. One submission at two revisions is a
    /// duplicate; two submissions at one revision is a fork.
    /// </summary>
    public void Identify(long revision, string clientId, long sequence)
    {
        var submission = (clientId, sequence);
        var known = _submissionByRevision.GetOrAdd(revision, submission);
        if (known != submission) Interlocked.Increment(ref _mismatched);
        var first = _revisionBySubmission.GetOrAdd(submission, revision);
        if (first != revision) Interlocked.Increment(ref _duplicated);
    }

    /// <summary>Acknowledged operations that some client never applied (those still open at the end).</summary>
    public long Lost => _entries.Values.Count(e => e.Keystrokes is not null && !e.Complete);

    /// <summary>Operations applied by clients whose author never heard they were committed.</summary>
    public long Unacknowledged => _entries.Values.Count(e => e.Keystrokes is null);

    public IReadOnlyList<double> KeystrokeLatencies()
    {
        lock (_latenciesMs) return _latenciesMs.ToList();
    }

    public IReadOnlyList<double> AckLatencies()
    {
        lock (_ackLatenciesMs) return _ackLatenciesMs.ToList();
    }

    private void TryComplete(long revision, Entry entry)
    {
        if (entry.Complete || entry.Keystrokes is null || entry.Receivers < clients - 1) return;
        entry.Complete = true;
        lock (_latenciesMs)
            foreach (var typed in entry.Keystrokes)
                _latenciesMs.Add(Stopwatch.GetElapsedTime(typed, entry.LastApplied).TotalMilliseconds);
        _entries.TryRemove(revision, out _);
    }

    private sealed class Entry
    {
        public long[]? Keystrokes;
        public int Receivers;
        public long LastApplied;
        public bool Complete;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double percentile) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1)];
}
