using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Web.Observability;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DraftingRoom.Web.Collaboration;

/// <summary>
/// Tells everyone in a document what was committed, in one message carrying many operations rather than one message
/// per operation: each message costs the server a write per connection and every recipient a frame to read, so with
/// hundreds of people in a document the number of messages, not their size, is what saturates a machine.
/// </summary>
/// <remarks>
/// Each document has an outbox. Committed batches go into it once they are stored; a sender per document empties it,
/// in revision order, leaving between two broadcasts enough time to keep the document within
/// <see cref="CollaborationOptions.BroadcastMessagesPerSecond"/> (one message per participant on this server per
/// broadcast; at most <see cref="CollaborationOptions.MaxBroadcastIntervalMilliseconds"/>). A quiet document's batch
/// goes out at once; on a busy, crowded one, whatever was committed during the interval goes out together, so the
/// messages per second stay bounded however fast people type, at the cost of at most one interval of delay.
/// The commit loop does not wait for the sending. Authors recognise their own operations by client id and sequence.
/// </remarks>
public sealed class CommitBroadcaster(IHubContext<DraftingHub> hub, IOptions<CollaborationOptions> options,
    PresenceRegistry presence, ILogger<CommitBroadcaster> logger, DraftingRoomMetrics? metrics = null)
{
    public const string EventName = "OperationsCommitted";
    private readonly ConcurrentDictionary<Guid, Outbox> _outboxes = new();
    private readonly CollaborationOptions _options = options.Value;

    /// <summary>Queues stored operations for everyone in the document, to go out with the document's next message.</summary>
    /// <param name="storedAt">When they were stored (<see cref="Stopwatch.GetTimestamp"/>), for the propagation
    /// latency; 0 when unknown.</param>
    public void Publish(Guid documentId, IReadOnlyList<(CommittedOperation Operation, string? UserId)> committed,
        long storedAt = 0)
    {
        if (committed.Count == 0) return;
        var outbox = _outboxes.GetOrAdd(documentId, _ => new Outbox());
        lock (outbox)
        {
            if (outbox.Pending.Count == 0) outbox.OldestStoredAt = storedAt;
            outbox.Pending.AddRange(committed);
            if (outbox.Sending) return;
            outbox.Sending = true;
        }
        _ = Task.Run(() => SendLoopAsync(documentId, outbox));
    }

    private async Task SendLoopAsync(Guid documentId, Outbox outbox)
    {
        while (true)
        {
            var wait = Interval(documentId) - Stopwatch.GetElapsedTime(outbox.LastSentAt);
            if (outbox.LastSentAt != 0 && wait > TimeSpan.Zero) await Task.Delay(wait);
            List<(CommittedOperation Operation, string? UserId)> batch;
            long storedAt;
            lock (outbox)
            {
                if (outbox.Pending.Count == 0)
                {
                    outbox.Sending = false;
                    return;
                }
                batch = outbox.Pending;
                storedAt = outbox.OldestStoredAt;
                outbox.Pending = [];
            }
            outbox.LastSentAt = Stopwatch.GetTimestamp();
            await SendAsync(documentId, batch, storedAt);
        }
    }

    private TimeSpan Interval(Guid documentId) =>
        SpacingFor(presence.CountIn(documentId), _options.BroadcastMessagesPerSecond, _options.MaxBroadcastIntervalMilliseconds);

    /// <summary>
    /// The shortest time between two broadcasts of a document with <paramref name="recipients"/> connections that
    /// keeps it within <paramref name="messagesPerSecond"/>, and never above <paramref name="maxMilliseconds"/>.
    /// A budget of 0 or less means no spacing.
    /// </summary>
    public static TimeSpan SpacingFor(int recipients, int messagesPerSecond, int maxMilliseconds)
    {
        if (messagesPerSecond <= 0 || recipients <= 0 || maxMilliseconds <= 0) return TimeSpan.Zero;
        return TimeSpan.FromSeconds(Math.Min((double)recipients / messagesPerSecond, maxMilliseconds / 1000.0));
    }

    private async Task SendAsync(Guid documentId, List<(CommittedOperation Operation, string? UserId)> committed, long storedAt)
    {
        var messages = committed.Select(c => new CommittedOperationMessage(c.Operation.Revision, c.Operation.ClientId,
            c.Operation.Sequence, JsonSerializer.SerializeToElement(c.Operation.Operation), c.UserId)).ToList();
        try
        {
            // With the Redis backplane this returns once the message is published to Redis for every node.
            await hub.Clients.Group(DraftingHub.GroupName(documentId)).SendAsync(EventName, documentId.ToString(), messages);
            if (storedAt != 0) metrics?.BatchBroadcast(storedAt);
        }
        catch (Exception exception)
        {
            // The operations are stored and acknowledged; a client that misses this catches up from the log.
            logger.LogWarning(exception, "Broadcasting revisions {First}-{Last} of {Document} failed",
                committed[0].Operation.Revision, committed[^1].Operation.Revision, documentId);
        }
    }

    private sealed class Outbox
    {
        /// <summary>Stored operations not yet sent, in revision order (read and written under the outbox's lock).</summary>
        public List<(CommittedOperation Operation, string? UserId)> Pending { get; set; } = [];
        public long OldestStoredAt { get; set; }
        /// <summary>Whether a sender is running for the document (under the lock).</summary>
        public bool Sending { get; set; }
        /// <summary>When the last message went out (<see cref="Stopwatch.GetTimestamp"/>); only the sender uses it.</summary>
        public long LastSentAt { get; set; }
    }
}
