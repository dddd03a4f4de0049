using System.Text.Json;
using DraftingRoom.Core.Collaboration;
using Microsoft.AspNetCore.SignalR;

namespace DraftingRoom.Web.Collaboration;

/// <summary>
/// Tells everyone in a document what a batch committed, in one message per batch rather than one per operation:
/// under load a batch carries many operations, and each message costs every recipient a frame to read. Sent after
/// the batch is stored, in revision order; authors recognise their own operations by client id and sequence.
/// </summary>
public sealed class CommitBroadcaster(IHubContext<DraftingHub> hub, ILogger<CommitBroadcaster> logger)
{
    public const string EventName = "OperationsCommitted";

    public async Task BroadcastAsync(Guid documentId, IReadOnlyList<(CommittedOperation Operation, string? UserId)> committed)
    {
        if (committed.Count == 0) return;
        var messages = committed.Select(c => new CommittedOperationMessage(c.Operation.Revision, c.Operation.ClientId,
            c.Operation.Sequence, JsonSerializer.SerializeToElement(c.Operation.Operation), c.UserId)).ToList();
        try
        {
            await hub.Clients.Group(DraftingHub.GroupName(documentId)).SendAsync(EventName, documentId.ToString(), messages);
        }
        catch (Exception exception)
        {
            // The operations are stored and acknowledged; a client that misses this catches up from the log.
            logger.LogWarning(exception, "Broadcasting revisions {First}-{Last} of {Document} failed",
                committed[0].Operation.Revision, committed[^1].Operation.Revision, documentId);
        }
    }
}
