using System.Diagnostics;
using System.Text.Json;
using System.Threading.RateLimiting;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Observability;
using DraftingRoom.Web.Proposals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace DraftingRoom.Web.Collaboration;

/// <summary>
/// The one hub of DraftingRoom (docs/collaboration-protocol.md). It is thin: every method authorises its caller, then
/// calls the registry; refusals are HubExceptions that say why and change nothing.
/// </summary>
[Authorize]
public sealed class DraftingHub(
    DocumentRegistry registry,
    PresenceRegistry presence,
    ProposalService proposals,
    IOptions<CollaborationOptions> options,
    DraftingRoomMetrics metrics,
    ILogger<DraftingHub> logger) : Hub
{
    public const string Path = "/hubs/drafting";
    private readonly CollaborationOptions _options = options.Value;

    public async Task<DocumentSnapshotMessage> JoinDocument(string documentId)
    {
        var id = ParseId(documentId);
        var access = await proposals.GetDocumentAccessAsync(Context.User!, id);
        if (access is not { CanView: true })
            throw new HubException("This document does not exist, or you may not see it.");
        Joined[id] = new JoinedDocument(access.CanEdit, NextAccessCheck());

        var (text, revision) = await Run(() => registry.GetStateAsync(id));
        await Groups.AddToGroupAsync(Context.ConnectionId, GroupName(id));
        var user = Context.User!;
        var participants = presence.Join(id, new Participant(Context.ConnectionId, user.UserId()!, user.DisplayName(),
            user.FindFirst(DraftingRoomClaims.OrganisationName)?.Value, PresenceRegistry.ColourFor(user.UserId()!),
            access.CanEdit, null, revision));
        await Clients.OthersInGroup(GroupName(id)).SendAsync("PresenceChanged", documentId, participants);
        return new DocumentSnapshotMessage(documentId, revision, text, access.CanEdit, Context.ConnectionId, participants);
    }

    public async Task<OperationAck> SubmitOperation(string documentId, string clientId, long sequence, long baseRevision,
        JsonElement operation)
    {
        var received = Stopwatch.GetTimestamp();
        var id = ParseId(documentId);
        if (!Joined.TryGetValue(id, out var joined))
            throw new HubException("Join the document before editing it.");
        var canEdit = await Run(() => CanStillEditAsync(id, joined));
        if (!canEdit) throw new HubException("You may watch this proposal but not edit it: only its sponsors, the Secretariat and the Independent Expert can.");
        if (string.IsNullOrEmpty(clientId) || clientId.Length > 64)
            throw new HubException("The editor's client id is missing or too long.");
        if (!Limiter.AttemptAcquire().IsAcquired)
            throw new HubException("Too many changes too fast: this change was not saved. Slow down and it will be sent again.");
        var raw = operation.GetRawText();
        if (raw.Length > _options.MaxOperationBytes)
            throw new HubException($"This change is too large ({raw.Length / 1024:N0} KB): one change may be at most {_options.MaxOperationBytes / 1024} KB.");

        TextOperation parsed;
        try
        {
            parsed = TextOperation.FromJson(operation);
        }
        catch (OperationException exception)
        {
            throw new HubException($"The change is malformed: {exception.Message}");
        }

        // The registry tells everyone in the document (CommitBroadcaster) once the batch holding this is stored.
        var result = await Run(() => registry.SubmitAsync(id, clientId, sequence, baseRevision, parsed, Context.User!.UserId()));
        metrics.OperationAcknowledged(received);
        return new OperationAck(result.Committed.Revision);
    }

    public async Task<IReadOnlyList<CommittedOperationMessage>> GetOperations(string documentId, long fromRevision)
    {
        var id = ParseId(documentId);
        if (!Joined.ContainsKey(id)) throw new HubException("Join the document before reading its changes.");
        var operations = await Run(() => registry.GetOperationsSinceAsync(id, fromRevision));
        return operations.Select(o => new CommittedOperationMessage(o.Revision, o.ClientId, o.Sequence,
            JsonSerializer.SerializeToElement(o.Operation), null)).ToList();
    }

    public async Task UpdateSelection(string documentId, long revision, SelectionRange? selection)
    {
        var id = ParseId(documentId);
        if (!Joined.ContainsKey(id)) return;
        var updated = presence.UpdateSelection(id, Context.ConnectionId, selection, revision);
        if (updated is not null) await Clients.OthersInGroup(GroupName(id)).SendAsync("SelectionChanged", documentId, updated);
    }

    public async Task LeaveDocument(string documentId)
    {
        var id = ParseId(documentId);
        Joined.Remove(id);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupName(id));
        if (presence.Leave(id, Context.ConnectionId) is { } remaining)
            await Clients.Group(GroupName(id)).SendAsync("PresenceChanged", documentId, remaining);
    }

    public override Task OnConnectedAsync()
    {
        metrics.ClientConnected(DraftingRoomMetrics.Kinds.Editor);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.ClientDisconnected(DraftingRoomMetrics.Kinds.Editor);
        foreach (var (documentId, remaining) in presence.LeaveAll(Context.ConnectionId))
            await Clients.Group(GroupName(documentId)).SendAsync("PresenceChanged", documentId.ToString(), remaining);
        Limiter.Dispose();
        await base.OnDisconnectedAsync(exception);
    }

    public static string GroupName(Guid documentId) => $"document:{documentId}";

    private Dictionary<Guid, JoinedDocument> Joined =>
        (Dictionary<Guid, JoinedDocument>)(Context.Items.TryGetValue("joined", out var value)
            ? value!
            : Context.Items["joined"] = new Dictionary<Guid, JoinedDocument>());

    /// <summary>Edit rights as last found, and when they are to be checked again.</summary>
    private sealed record JoinedDocument(bool CanEdit, DateTimeOffset RecheckAt);

    // Rights can change while a connection stays open (a sponsor removed, a proposal submitted). They are checked
    // again once they are older than the configured interval, so a keystroke rarely costs a database query.
    private async Task<bool> CanStillEditAsync(Guid documentId, JoinedDocument joined)
    {
        if (DateTimeOffset.UtcNow < joined.RecheckAt) return joined.CanEdit;
        var access = await proposals.GetDocumentAccessAsync(Context.User!, documentId);
        var canEdit = access is { CanEdit: true };
        Joined[documentId] = new JoinedDocument(canEdit, NextAccessCheck());
        return canEdit;
    }

    // Between half the interval and the whole of it, at random: people who joined together (a meeting that starts)
    // would otherwise all be checked in the same instant, hundreds of queries at once.
    private DateTimeOffset NextAccessCheck() =>
        DateTimeOffset.UtcNow.AddSeconds(_options.AccessRecheckSeconds * (0.5 + Random.Shared.NextDouble() / 2));

    private RateLimiter Limiter =>
        (RateLimiter)(Context.Items.TryGetValue("limiter", out var value)
            ? value!
            : Context.Items["limiter"] = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = _options.OperationBurst,
                TokensPerPeriod = _options.OperationsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    private static Guid ParseId(string documentId) =>
        Guid.TryParse(documentId, out var id) ? id : throw new HubException("This document does not exist.");

    private async Task<T> Run<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (OperationException exception)
        {
            throw new HubException(exception.Message);
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(exception, "A co-editing request failed");
            throw new HubException("The change could not be saved just now; it will be sent again.");
        }
    }
}
