using System.Net;
using System.Text.Json;
using DraftingRoom.Core.Collaboration;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace DraftingRoom.Web.Tests.Collaboration;

/// <summary>
/// A co-editing client over a real SignalR connection, as the browser editor is: an <see cref="OtClient"/> state
/// machine, the local text, acknowledgements and remote operations processed in revision order, catch-up and resend
/// after a reconnection. Used by the hub tests, the fault tests and the load benchmark.
/// </summary>
public sealed class HubEditor : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Guid _documentId;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _errors = [];
    private readonly List<AcknowledgedOperation> _acknowledgements = [];
    private readonly CancellationTokenSource _disposed = new();
    private int _temporaryRefusals;
    private TextBuffer _text = new("");
    private OtClient _client = null!;
    private bool _sending;

    private HubEditor(HubConnection connection, Guid documentId)
    {
        _connection = connection;
        _documentId = documentId;
    }

    public string Text
    {
        get
        {
            _gate.Wait();
            try { return _text.ToString(); } finally { _gate.Release(); }
        }
    }

    public long Revision => _client.Revision;
    public bool CanEdit { get; private set; }
    public bool IsSynchronized => _client.State is ClientState.Synchronized && !_client.HasMissingRevisions && !_sending;
    public HubConnectionState ConnectionState => _connection.State;
    public string ClientId => _client.ClientId;
    public IReadOnlyList<string> Errors { get { lock (_errors) return _errors.ToList(); } }
    public long Acknowledged { get; private set; }

    /// <summary>Every acknowledgement this editor received for its own submissions, in the order received.</summary>
    public IReadOnlyList<AcknowledgedOperation> Acknowledgements { get { lock (_acknowledgements) return _acknowledgements.ToList(); } }

    /// <summary>Whether an acknowledgement or remote operation arrived ahead of one this editor has not seen yet.</summary>
    public bool HasMissingRevisions => _client.HasMissingRevisions;

    /// <summary>Called with each remote operation's revision as it is applied (for latency measurements).</summary>
    public Action<CommittedOperationEnvelope>? OnRemote { get; set; }

    public static async Task<HubEditor> ConnectAsync(Uri baseAddress, CookieContainer? cookies, Guid documentId,
        CancellationToken ct = default)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/drafting"), options =>
            {
                if (cookies is not null) options.Cookies = cookies;
            })
            .WithAutomaticReconnect(new ForeverRetry())
            .Build();
        var editor = new HubEditor(connection, documentId);
        connection.On<string, CommittedOperationEnvelope[]>("OperationsCommitted", async (documentId, batch) =>
        {
            // Its own operations in a batch are acknowledged by the answers to its submissions.
            foreach (var committed in batch)
                if (committed.ClientId != editor._client?.ClientId)
                    await editor.OnOperationCommittedAsync(documentId, committed);
        });
        connection.Reconnected += _ => editor.RejoinAsync();
        await connection.StartAsync(ct);
        await editor.JoinAsync(ct);
        return editor;
    }

    /// <summary>Makes a local edit, as typing does; it is sent at once or buffered while one is in flight.</summary>
    public async Task EditAsync(Func<string, TextOperation> makeEdit)
    {
        OutgoingOperation? toSend;
        await _gate.WaitAsync();
        try
        {
            var operation = makeEdit(_text.ToString());
            _text.Apply(operation);
            toSend = _client.ApplyLocal(operation);
            if (toSend is not null) _sending = true;
        }
        finally
        {
            _gate.Release();
        }
        if (toSend is not null) _ = SendAsync(toSend);
    }

    /// <summary>Sends a raw submission, bypassing the state machine (for tests of bad input).</summary>
    public Task<OperationAckEnvelope> SubmitRawAsync(string clientId, long sequence, long baseRevision, object operation) =>
        _connection.InvokeAsync<OperationAckEnvelope>("SubmitOperation", _documentId.ToString(), clientId, sequence,
            baseRevision, operation);

    public Task<TResult> InvokeAsync<TResult>(string method, params object?[] args) =>
        _connection.InvokeCoreAsync<TResult>(method, args);

    /// <summary>Waits until every local edit is acknowledged and no remote operation is missing.</summary>
    public async Task WaitUntilSynchronizedAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!IsSynchronized || _connection.State != HubConnectionState.Connected)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Editor {ClientId} not synchronized: state {_client.State}, connection {_connection.State}, errors: {string.Join("; ", Errors)}");
            // Catch up on a gap, or send again an edit that is outstanding with nothing in flight (refused earlier).
            if ((_client.HasMissingRevisions || (!_sending && _client.State is not ClientState.Synchronized)) &&
                _connection.State == HubConnectionState.Connected)
            {
                try
                {
                    await CatchUpAsync();
                }
                catch (Exception exception)
                {
                    // Refused for now or the connection went: the next turn of this loop tries again.
                    lock (_errors) _errors.Add($"catch-up: {exception.Message}");
                }
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Fetches what this editor missed, then resends what is not acknowledged, as after a reconnection.</summary>
    public async Task CatchUpAsync()
    {
        var missed = await _connection.InvokeAsync<CommittedOperationEnvelope[]>("GetOperations", _documentId.ToString(), _client.Revision);
        OutgoingOperation? resend = null;
        await _gate.WaitAsync();
        try
        {
            foreach (var committed in missed)
                Apply(_client.Receive(new CommittedOperation(committed.Revision, committed.ClientId, committed.Sequence,
                    TextOperation.FromJson(committed.Operation))), ref resend);
            if (resend is null && !_sending) resend = _client.PendingToResend;
            if (resend is not null) _sending = true;
        }
        finally
        {
            _gate.Release();
        }
        if (resend is not null) _ = SendAsync(resend);
    }

    private async Task JoinAsync(CancellationToken ct = default)
    {
        var snapshot = await _connection.InvokeAsync<SnapshotEnvelope>("JoinDocument", _documentId.ToString(), ct);
        await _gate.WaitAsync(ct);
        try
        {
            _text = new TextBuffer(snapshot.Text);
            _client = new OtClient(Guid.NewGuid().ToString("N"), snapshot.Revision);
            CanEdit = snapshot.CanEdit;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RejoinAsync()
    {
        try
        {
            await _connection.InvokeAsync<SnapshotEnvelope>("JoinDocument", _documentId.ToString());
            _sending = false;
            await CatchUpAsync();
        }
        catch (Exception exception)
        {
            lock (_errors) _errors.Add($"rejoin: {exception.Message}");
            if (exception is HubException && IsTemporaryRefusal(exception.Message)) _ = RejoinLaterAsync();
        }
    }

    // The refusals the server means for the moment only; any other refusal is final (docs/collaboration-protocol.md).
    private static bool IsTemporaryRefusal(string message) =>
        System.Text.RegularExpressions.Regex.IsMatch(message, "sent again|try again|too many|too fast|just now",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    // Backs off from 100 ms to 1 s while refusals go on; an acknowledgement starts over.
    private TimeSpan NextRetryDelay() =>
        TimeSpan.FromMilliseconds(Math.Min(1000, 100 * Interlocked.Increment(ref _temporaryRefusals)));

    private async Task CatchUpLaterAsync()
    {
        try
        {
            await Task.Delay(NextRetryDelay(), _disposed.Token);
            if (_connection.State != HubConnectionState.Connected || _sending) return;
            await CatchUpAsync();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception exception)
        {
            lock (_errors) _errors.Add($"catch-up: {exception.Message}");
            if (exception is HubException && IsTemporaryRefusal(exception.Message)) _ = CatchUpLaterAsync();
        }
    }

    private async Task RejoinLaterAsync()
    {
        try
        {
            await Task.Delay(NextRetryDelay(), _disposed.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (_connection.State == HubConnectionState.Connected) await RejoinAsync();
    }

    private async Task SendAsync(OutgoingOperation outgoing)
    {
        OperationAckEnvelope ack;
        try
        {
            ack = await _connection.InvokeAsync<OperationAckEnvelope>("SubmitOperation", _documentId.ToString(),
                outgoing.ClientId, outgoing.Sequence, outgoing.BaseRevision,
                JsonDocument.Parse(outgoing.Operation.ToJson()).RootElement);
        }
        catch (Exception exception)
        {
            // Lost with the connection or refused for now: it stays outstanding and is resent after catching up.
            lock (_errors) _errors.Add(exception.Message);
            _sending = false;
            // Turned away for the moment (storage unavailable, too fast): sent again a little later, as the browser
            // editor does. A lost connection resends after reconnecting instead.
            if (exception is HubException && IsTemporaryRefusal(exception.Message)) _ = CatchUpLaterAsync();
            return;
        }

        OutgoingOperation? next = null;
        await _gate.WaitAsync();
        try
        {
            Acknowledged++;
            _temporaryRefusals = 0;
            lock (_acknowledgements) _acknowledgements.Add(new AcknowledgedOperation(outgoing.Sequence, ack.Revision));
            if (ack.Revision > _client.Revision) Apply(_client.ReceiveAck(ack.Revision), ref next);
            _sending = next is not null;
        }
        finally
        {
            _gate.Release();
        }
        if (next is not null) _ = SendAsync(next);
    }

    private async Task OnOperationCommittedAsync(string documentId, CommittedOperationEnvelope committed)
    {
        if (documentId != _documentId.ToString()) return;
        OutgoingOperation? next = null;
        await _gate.WaitAsync();
        try
        {
            Apply(_client.ReceiveRemote(committed.Revision, TextOperation.FromJson(committed.Operation)), ref next);
            if (next is not null) _sending = true;
        }
        finally
        {
            _gate.Release();
        }
        OnRemote?.Invoke(committed);
        if (next is not null) _ = SendAsync(next);
    }

    private void Apply(ClientUpdate update, ref OutgoingOperation? toSend)
    {
        foreach (var operation in update.ToApply) _text.Apply(operation);
        toSend ??= update.ToSend;
    }

    public Task StopAsync() => _connection.StopAsync();

    /// <summary>Starts a stopped connection again, rejoins, catches up and resends, as the browser editor does.</summary>
    public async Task ReconnectAsync()
    {
        await _connection.StartAsync();
        await RejoinAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        await _connection.DisposeAsync();
    }

    private sealed class ForeverRetry : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) =>
            TimeSpan.FromMilliseconds(Math.Min(2000, 100 * (context.PreviousRetryCount + 1)));
    }
}

/// <summary>The server's answer to one of this editor's submissions: its sequence number and the revision it got.</summary>
public sealed record AcknowledgedOperation(long Sequence, long Revision);

public sealed record SnapshotEnvelope(string DocumentId, long Revision, string Text, bool CanEdit, string ConnectionId);

public sealed record OperationAckEnvelope(long Revision);

public sealed record CommittedOperationEnvelope(long Revision, string ClientId, long Sequence, JsonElement Operation, string? UserId);
