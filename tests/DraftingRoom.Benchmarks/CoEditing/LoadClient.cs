using System.Diagnostics;
using System.Net;
using System.Text.Json;
using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Benchmarks.CoEditing;

/// <summary>
/// A lean co-editing client over a plain SignalR connection (<see cref="HubWireConnection"/>) that behaves as the
/// browser editor does: an <see cref="OtClient"/> (one operation in flight, keystrokes typed meanwhile composed into
/// the next), the local text, events applied in revision order, GetOperations to fill a gap, and a resend after a
/// refusal. It reports every acknowledgement and
/// every applied remote revision to the <see cref="DeliveryTracker"/>.
/// </summary>
internal sealed class LoadClient : IAsyncDisposable
{
    private HubWireConnection _connection = null!;
    private readonly string _documentId;
    private readonly DeliveryTracker _tracker;
    private readonly ParsedOperations _parsed;
    private readonly object _lock = new();
    private readonly Dictionary<long, long[]> _keystrokesBySequence = [];
    private readonly HashSet<long> _ownRevisions = [];
    private readonly List<long> _typedSinceSend = [];
    // Reused for every broadcast: the one being read (by the receive loop) and what it leaves to apply (under the lock).
    private readonly List<CommittedOperation> _batch = [];
    private readonly List<TextOperation> _toApply = [];
    private readonly Random _random;
    private TextBuffer _text = new("");
    private OtClient _client = null!;
    private int _caret;
    private bool _sending;
    private long _revisionAtLastCheck = -1;
    private long _revisionAtProcess;
    private long _lastSequenceSent;

    private LoadClient(Guid documentId, DeliveryTracker tracker, ParsedOperations parsed, int seed)
    {
        _parsed = parsed;
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
        DeliveryTracker tracker, ParsedOperations parsed, int seed)
    {
        var client = new LoadClient(documentId, tracker, parsed, seed);
        client._connection = await HubWireConnection.ConnectAsync(new Uri(node, "/hubs/drafting"), cookies, client.OnInvocation);
        var snapshot = await client._connection.InvokeAsync("JoinDocument", w => w.WriteStringValue(client._documentId));
        var reader = new Utf8JsonReader(snapshot);
        long revision = 0;
        string text = "";
        var canEdit = false;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("revision"u8)) { reader.Read(); revision = reader.GetInt64(); }
            else if (reader.ValueTextEquals("text"u8)) { reader.Read(); text = reader.GetString()!; }
            else if (reader.ValueTextEquals("canEdit"u8)) { reader.Read(); canEdit = reader.GetBoolean(); }
            else { reader.Read(); reader.Skip(); }
        }
        lock (client._lock)
        {
            client._text = new TextBuffer(text);
            client._client = new OtClient(Guid.NewGuid().ToString("N"), revision);
            client._caret = client._random.Next(text.Length + 1);
            client.CanEdit = canEdit;
            client._revisionAtProcess = revision;
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
        return catchUp && _connection.IsOpen ? CatchUpAsync() : Task.CompletedTask;
    }

    private async Task CatchUpAsync()
    {
        List<CommittedOperation> missed;
        try
        {
            var fromRevision = Revision;
            missed = ReadCommitted(await _connection.InvokeAsync("GetOperations", w =>
            {
                w.WriteStringValue(_documentId);
                w.WriteNumberValue(fromRevision);
            }));
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
                if (committed.ClientId == _client.ClientId && committed.Revision > _client.Revision &&
                    !_ownRevisions.Contains(committed.Revision))
                    Acknowledge(committed.Sequence, committed.Revision, now);
                toSend ??= Process(_client.Receive(committed), now);
            }
            if (toSend is null && !_sending) toSend = _client.PendingToResend;
            if (toSend is not null) StartSending(toSend);
        }
        if (toSend is not null) _ = SendAsync(toSend);
    }

    private async Task SendAsync(OutgoingOperation outgoing)
    {
        long acknowledged;
        try
        {
            var answer = await _connection.InvokeAsync("SubmitOperation", w =>
            {
                w.WriteStringValue(_documentId);
                w.WriteStringValue(outgoing.ClientId);
                w.WriteNumberValue(outgoing.Sequence);
                w.WriteNumberValue(outgoing.BaseRevision);
                JsonSerializer.Serialize(w, outgoing.Operation);
            });
            acknowledged = ReadRevision(answer);
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
            if (acknowledged > _client.Revision && !_ownRevisions.Contains(acknowledged))
            {
                Acknowledge(outgoing.Sequence, acknowledged, now);
                next = Process(_client.ReceiveAck(acknowledged), now);
                if (next is not null) StartSending(next);
            }
        }
        if (next is not null) _ = SendAsync(next);
    }

    // The server's events: a batch of committed operations is applied at once; presence is not followed.
    private void OnInvocation(string target, ref Utf8JsonReader reader)
    {
        if (target != "OperationsCommitted") return;
        reader.Read();
        if (!reader.ValueTextEquals(_documentId)) return;
        reader.Read();
        _batch.Clear();
        ReadCommitted(ref reader, _batch);
        var now = Stopwatch.GetTimestamp();
        OutgoingOperation? next = null;
        lock (_lock)
        {
            _toApply.Clear();
            foreach (var committed in _batch)
            {
                _tracker.Identify(committed.Revision, committed.ClientId, committed.Sequence);
                // Its own operations in a batch are acknowledged by the answers to its submissions.
                if (committed.ClientId == _client.ClientId) continue;
                next = _client.ReceiveRemote(committed.Revision, committed.Operation, _toApply) ?? next;
            }
            Apply(_toApply);
            Report(now);
            if (next is not null) StartSending(next);
        }
        if (next is not null) _ = SendAsync(next);
    }

    private List<CommittedOperation> ReadCommitted(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        var operations = new List<CommittedOperation>();
        ReadCommitted(ref reader, operations);
        return operations;
    }

    // An array of committed operations, the reader on its start.
    private void ReadCommitted(ref Utf8JsonReader reader, List<CommittedOperation> into)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject) into.Add(_parsed.Read(ref reader));
    }

    private static long ReadRevision(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("revision"u8)) { reader.Read(); return reader.GetInt64(); }
            reader.Read();
            reader.Skip();
        }
        throw new InvalidDataException("The acknowledgement has no revision.");
    }

    private void Acknowledge(long sequence, long revision, long now)
    {
        _ownRevisions.Add(revision);
        _tracker.Acknowledged(revision, _client.ClientId, sequence,
            _keystrokesBySequence.Remove(sequence, out var typed) ? typed : [], now);
    }

    // Applies what the client state machine says to apply, and tells the tracker which revisions this client now has.
    private OutgoingOperation? Process(ClientUpdate update, long now)
    {
        Apply(update.ToApply);
        Report(now);
        return update.ToSend;
    }

    private void Apply(IReadOnlyList<TextOperation> operations)
    {
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = operations[i];
            _text.Apply(operation);
            _caret = Selection.Caret(_caret).Transform(operation).Head;
        }
    }

    // Tells the tracker every revision between the last reported and the client's, except its own.
    private void Report(long now)
    {
        for (var revision = _revisionAtProcess + 1; revision <= _client.Revision; revision++)
            if (!_ownRevisions.Remove(revision)) _tracker.Applied(revision, now);
        _revisionAtProcess = _client.Revision;
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
