using System.Text.Json;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Web.Observability;
using Microsoft.AspNetCore.SignalR;

namespace DraftingRoom.Web.Collaboration;

/// <summary>
/// Tells everyone in a document what a batch committed, in one message per batch rather than one per operation:
/// under load a batch carries many operations, and each message costs every recipient a frame to read. Sent after
/// the batch is stored, in revision order; authors recognise their own operations by client id and sequence.
/// </summary>
public sealed class CommitBroadcaster(IHubContext<DraftingHub> hub, ILogger<CommitBroadcaster> logger,
    DraftingRoomMetrics? metrics = null)
{
    public const string EventName = "OperationsCommitted";

    /// <param name="storedAt">When the batch was stored (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>), for the
    /// propagation latency; 0 when unknown.</param>
    public async Task BroadcastAsync(Guid documentId, IReadOnlyList<(CommittedOperation Operation, string? UserId)> committed,
        long storedAt = 0)
    {
        if (committed.Count == 0) return;
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
}
