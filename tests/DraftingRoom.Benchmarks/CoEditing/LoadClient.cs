using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DraftingRoom.Core.Collaboration;
using Microsoft.AspNetCore.SignalR.Client;

namespace DraftingRoom.Benchmarks.CoEditing;

/// <summary>
/// A lean co-editing client over a plain SignalR connection, as the browser editor behaves: an <see cref="OtClient"/>
/// (one operation in flight, keystrokes typed meanwhile composed into the next), the local text, events applied in
/// revision order, GetOperations to fill a gap, and a resend after a refusal. It reports every acknowledgement and
/// every applied remote revision to the <see cref="DeliveryTracker"/>.
/// </summary>
internal sealed class LoadClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly string _documentId;
    private readonly DeliveryTracker _tracker;
    private readonly object _lock = new();
    private readonly Dictionary<long, long[]> _keystrokesBySequence = [];
    private readonly HashSet<long> _ownRevisions = [];
    private readonly List<long> _typedSinceSend = [];
    private readonly Random _random;
    private TextBuffer _text = new("");
    private OtClient _client = null!;
    private int _caret;
    private bool _sending;
    private long _revisionAtLastCheck = -1;
    private long _revisionAtProcess;
    private long _lastSequenceSent;

    private LoadClient(HubConnection connection, Guid documentId, DeliveryTracker tracker, int seed)
    {
        _connection = connection;
        _documentId = documentId.ToString();
        _tracker = tracker;
        _random = new Random(seed);
    }

    public bool CanEdit { get; private set; }
    public long Keystrokes { get; private set; }
    public long Refusals => Interlocked.Read(ref _refusals);
    private long _refusals;

    public long Revision
    {
        get
        {
            lock (_lock) return _client.Revision;
        }
    }

    public string Text
    {
        get
        {
            lock (_lock) return _text.ToString();
        }
    }

    /// <summary>Nothing outstanding, nothing buffered, no gap.</summary>
    public bool IsSettled
    {
        get
        {
            lock (_lock) return _client.State is ClientState.Synchronized && !_client.HasMissingRevisions && !_sending;
        }
    }

    public static async Task<LoadClient> ConnectAsync(Uri node, CookieContainer cookies, Guid documentId,
        DeliveryTracker tracker, int seed)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node, "/hubs/drafting"), options => options.Cookies = cookies)
            .Build();
        // Under heavy load the server may be slow to answer pings; only a really dead connection should close.
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        var client = new LoadClient(connection, documentId, tracker, seed);
        connection.On<string, CommittedOperationMessage[]>("OperationsCommitted", (documentId, batch) =>
        {
            // Its own operations in a batch are acknowledged by the answers to its submissions.
            foreach (var committed in batch)
                if (committed.ClientId != client._client?.ClientId) client.OnCommitted(documentId, committed);
        });
        await connection.StartAsync();
        var snapshot = await connection.InvokeAsync<SnapshotMessage>("JoinDocument", client._documentId);
        lock (client._lock)
        {
            client._text = new TextBuffer(snapshot.Text);
            client._client = new OtClient(Guid.NewGuid().ToString("N"), snapshot.Revision);
            client._caret = client._random.Next(snapshot.Text.Length + 1);
            client.CanEdit = snapshot.CanEdit;
            client._revisionAtProcess = snapshot.Revision;
        }
        return client;
    }

    /// <summary>
    /// One keystroke near the caret: mostly a letter typed at it, sometimes a backspace, now and then the caret moves
    /// a little first. Only ASCII, so any position is a valid one.
    /// </summary>
    public void Type()
    {
        OutgoingOperation? toSend;
        lock (_lock)
        {
            var length = _text.Length;
            if (_random.Next(20) == 0) _caret = Math.Clamp(_caret + _random.Next(-40, 41), 0, length);
            var builder = TextOperation.Builder();
            if (_caret > 0 && _random.Next(10) < 3)
            {
                builder.Retain(_caret - 1).Delete(1).Retain(length - _caret);
                _caret--;
            }
            else
            {
                var letter = _random.Next(6) == 0 ? " " : ((char)('a' + _random.Next(26))).ToString();
                builder.Retain(_caret).Insert(letter).Retain(length - _caret);
                _caret++;
            }
            var operation = builder.Build();
            _text.Apply(operation);
            Keystrokes++;
            _typedSinceSend.Add(Stopwatch.GetTimestamp());
            toSend = _client.ApplyLocal(operation);
            if (toSend is not null) StartSending(toSend);
        }
        if (toSend is not null) _ = SendAsync(toSend);
    }

    /// <summary>
    /// Called now and then: fetches what it missed when a gap has stayed open since the last call, and sends again
    /// an operation that was refused, as the browser editor does.
    /// </summary>
    public Task CheckAsync()
    {
        bool catchUp;
        lock (_lock)
        {
            var stuck = _client.HasMissingRevisions && _client.Revision == _revisionAtLastCheck;
            var unsent = !_sending && _client.State is not ClientState.Synchronized;
            _revisionAtLastCheck = _client.Revision;
            catchUp = stuck || unsent;
        }
        return catchUp && _connection.State == HubConnectionState.Connected ? CatchUpAsync() : Task.CompletedTask;
    }

    private async Task CatchUpAsync()
    {
        CommittedOperationMessage[] missed;
        try
        {
            missed = await _connection.InvokeAsync<CommittedOperationMessage[]>("GetOperations", _documentId, Revision);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _refusals);
            return;
        }
        var now = Stopwatch.GetTimestamp();
        OutgoingOperation? toSend = null;
        lock (_lock)
        {
            foreach (var committed in missed)
            {
                _tracker.Identify(committed.Revision, committed.ClientId, committed.Sequence);
                var operation = new CommittedOperation(committed.Revision, committed.ClientId, committed.Sequence,
                    TextOperation.FromJson(committed.Operation));
                if (committed.ClientId == _client.ClientId && committed.Revision > _client.Revision &&
                    !_ownRevisions.Contains(committed.Revision))
                    Acknowledge(committed.Sequence, committed.Revision, now);
                toSend ??= Process(_client.Receive(operation), now);
            }
            if (toSend is null && !_sending) toSend = _client.PendingToResend;
            if (toSend is not null) StartSending(toSend);
        }
        if (toSend is not null) _ = SendAsync(toSend);
    }

    private async Task SendAsync(OutgoingOperation outgoing)
    {
        OperationAckMessage ack;
        try
        {
            using var json = JsonDocument.Parse(outgoing.Operation.ToJson());
            ack = await _connection.InvokeAsync<OperationAckMessage>("SubmitOperation", _documentId, outgoing.ClientId,
                outgoing.Sequence, outgoing.BaseRevision, json.RootElement);
        }
        catch (Exception)
        {
            // Refused for now (or the connection failed): CheckAsync sends it again.
            Interlocked.Increment(ref _refusals);
            lock (_lock) _sending = false;
            return;
        }

        var now = Stopwatch.GetTimestamp();
        OutgoingOperation? next = null;
        lock (_lock)
        {
            _sending = false;
            if (ack.Revision > _client.Revision && !_ownRevisions.Contains(ack.Revision))
            {
                Acknowledge(outgoing.Sequence, ack.Revision, now);
                next = Process(_client.ReceiveAck(ack.Revision), now);
                if (next is not null) StartSending(next);
            }
        }
        if (next is not null) _ = SendAsync(next);
    }

    private void OnCommitted(string documentId, CommittedOperationMessage committed)
    {
        if (documentId != _documentId) return;
        var now = Stopwatch.GetTimestamp();
        _tracker.Identify(committed.Revision, committed.ClientId, committed.Sequence);
        var operation = TextOperation.FromJson(committed.Operation);
        OutgoingOperation? next;
        lock (_lock)
        {
            next = Process(_client.ReceiveRemote(committed.Revision, operation), now);
            if (next is not null) StartSending(next);
        }
        if (next is not null) _ = SendAsync(next);
    }

    private void Acknowledge(long sequence, long revision, long now)
    {
        _ownRevisions.Add(revision);
        _tracker.Acknowledged(revision, _client.ClientId, sequence,
            _keystrokesBySequence.Remove(sequence, out var typed) ? typed : [], now);
    }

    // Applies what the client state machine says to apply, and tells the tracker which revisions this client now
    // has: every revision between the old and the new one, except its own.
    private OutgoingOperation? Process(ClientUpdate update, long now)
    {
        var before = _revisionAtProcess;
        foreach (var operation in update.ToApply)
        {
            _text.Apply(operation);
            _caret = Selection.Caret(_caret).Transform(operation).Head;
        }
        for (var revision = before + 1; revision <= _client.Revision; revision++)
            if (!_ownRevisions.Remove(revision)) _tracker.Applied(revision, now);
        _revisionAtProcess = _client.Revision;
        return update.ToSend;
    }

    private void StartSending(OutgoingOperation outgoing)
    {
        _sending = true;
        // Sequence numbers only grow: a resend (even of an operation already acknowledged but not yet processed)
        // carries the keystrokes it was first sent with, and those typed since wait for the next operation.
        if (outgoing.Sequence > _lastSequenceSent)
        {
            _lastSequenceSent = outgoing.Sequence;
            _keystrokesBySequence[outgoing.Sequence] = _typedSinceSend.ToArray();
            _typedSinceSend.Clear();
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

internal sealed record SnapshotMessage(string DocumentId, long Revision, string Text, bool CanEdit);

internal sealed record OperationAckMessage(long Revision);

internal sealed record CommittedOperationMessage(long Revision, string ClientId, long Sequence, JsonElement Operation);
