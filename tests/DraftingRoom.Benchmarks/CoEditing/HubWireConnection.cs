using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace DraftingRoom.Benchmarks.CoEditing;

/// <summary>Called for every invocation the server sends, with a reader on the start of its arguments array; the
/// handler reads what it needs of the array and nothing after it.</summary>
internal delegate void HubInvocationHandler(string target, ref Utf8JsonReader arguments);

/// <summary>
/// A SignalR connection at the wire level: a WebSocket (<see cref="WebSocketWire"/>) speaking the SignalR JSON hub protocol (handshake, invocations,
/// completions, pings; records ended by 0x1E), as the browser's SignalR client does on the same transport. It exists
/// so that hundreds of load clients sharing the app's machine cost little: messages are read with a
/// <see cref="Utf8JsonReader"/> straight from the receive buffer, once each, without the typed binding and per-message objects
/// of the full .NET client. The server sees exactly what a browser sends.
/// </summary>
internal sealed class HubWireConnection : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);
    private readonly WebSocketWire _socket;
    private readonly HubInvocationHandler _onInvocation;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<byte[]>> _pending = new();
    private readonly TaskCompletionSource _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _closing = new();
    private Task _receiving = Task.CompletedTask;
    private Task _pinging = Task.CompletedTask;
    private int _nextInvocationId;

    private HubWireConnection(WebSocketWire socket, HubInvocationHandler onInvocation)
    {
        _socket = socket;
        _onInvocation = onInvocation;
    }

    public bool IsOpen => _socket.IsOpen && !_closing.IsCancellationRequested;

    /// <summary>Opens a WebSocket to the hub (without the negotiate request, as a client limited to WebSockets may)
    /// and completes the protocol handshake.</summary>
    public static async Task<HubWireConnection> ConnectAsync(Uri hubUrl, CookieContainer cookies, HubInvocationHandler onInvocation)
    {
        var socket = await WebSocketWire.ConnectAsync(hubUrl, cookies, CancellationToken.None);
        var connection = new HubWireConnection(socket, onInvocation);
        connection._receiving = Task.Run(connection.ReceiveLoopAsync);
        await connection.SendRecordAsync("{\"protocol\":\"json\",\"version\":1}\u001e"u8.ToArray());
        await connection._handshake.Task.WaitAsync(TimeSpan.FromSeconds(30));
        connection._pinging = Task.Run(connection.PingLoopAsync);
        return connection;
    }

    /// <summary>Invokes a hub method and returns the raw JSON of its result (empty for a method without one).</summary>
    /// <exception cref="HubWireException">The hub refused the call, or the connection closed first.</exception>
    public async Task<byte[]> InvokeAsync(string target, Action<Utf8JsonWriter> writeArguments)
    {
        var invocationId = Interlocked.Increment(ref _nextInvocationId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[invocationId] = completion;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("type", 1);
            writer.WriteString("invocationId", invocationId);
            writer.WriteString("target", target);
            writer.WriteStartArray("arguments");
            writeArguments(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        buffer.Write([RecordSeparator]);
        try
        {
            await SendRecordAsync(buffer.WrittenMemory);
        }
        catch (Exception exception) when (exception is SocketException or WebSocketWireException or ObjectDisposedException or OperationCanceledException)
        {
            _pending.TryRemove(invocationId, out _);
            throw new HubWireException($"The connection is closed: {exception.Message}");
        }
        if (!IsOpen && _pending.TryRemove(invocationId, out _)) throw new HubWireException("The connection is closed.");
        return await completion.Task;
    }

    // A record is its JSON followed by the separator, sent as one WebSocket message.
    private async Task SendRecordAsync(ReadOnlyMemory<byte> record)
    {
        await _socket.SendTextAsync(record, CancellationToken.None);
    }

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
                await SendRecordAsync("{\"type\":6}\u001e"u8.ToArray());
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or WebSocketWireException or ObjectDisposedException)
        {
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        var filled = 0;
        Exception? failure = null;
        try
        {
            while (true)
            {
                if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var received = await _socket.ReceiveAsync(buffer.AsMemory(filled), _closing.Token);
                if (received == 0) break;
                filled += received;
                var start = 0;
                int end;
                while ((end = Array.IndexOf(buffer, RecordSeparator, start, filled - start)) >= 0)
                {
                    if (!HandleRecord(buffer.AsSpan(start, end - start))) return;
                    start = end + 1;
                }
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                    filled -= start;
                }
            }
        }
        catch (Exception exception)
        {
            failure = exception;
        }
        finally
        {
            _closing.Cancel();
            var closed = new HubWireException($"The connection closed{(failure is null ? "" : $": {failure.Message}")}.");
            _handshake.TrySetException(closed);
            foreach (var id in _pending.Keys)
                if (_pending.TryRemove(id, out var completion)) completion.TrySetException(closed);
        }
    }

    // Returns false when the server closed the connection.
    private bool HandleRecord(ReadOnlySpan<byte> record)
    {
        if (!_handshake.Task.IsCompleted)
        {
            var handshake = new Utf8JsonReader(record);
            if (FindProperty(ref handshake, "error"u8) is { } refused)
                _handshake.TrySetException(new HubWireException($"The hub refused the handshake: {refused}"));
            else
                _handshake.TrySetResult();
            return true;
        }

        var reader = new Utf8JsonReader(record);
        reader.Read();
        int type = 0;
        string? target = null, invocationId = null, error = null;
        int valueStart = -1, valueEnd = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8)) { reader.Read(); type = reader.GetInt32(); }
            else if (reader.ValueTextEquals("target"u8)) { reader.Read(); target = TargetName(ref reader); }
            else if (reader.ValueTextEquals("invocationId"u8)) { reader.Read(); invocationId = reader.GetString(); }
            else if (reader.ValueTextEquals("error"u8)) { reader.Read(); error = reader.GetString(); }
            else if (reader.ValueTextEquals("arguments"u8) && type == 1 && target is not null)
            {
                // The protocol writes the type and the target before the arguments, the last part that matters.
                reader.Read();
                _onInvocation(target, ref reader);
                return true;
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                valueStart = (int)reader.TokenStartIndex;
                reader.Skip();
                valueEnd = (int)reader.BytesConsumed;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        switch (type)
        {
            case 3 when invocationId is not null && _pending.TryRemove(invocationId, out var completion):
                if (error is not null) completion.TrySetException(new HubWireException(error));
                else completion.TrySetResult(valueStart >= 0 ? record[valueStart..valueEnd].ToArray() : []);
                break;
            case 7:
                return false;
        }
        return true;
    }

    // The hub's event names, so that reading one does not allocate a string per message.
    private static readonly string[] KnownTargets = ["OperationsCommitted", "PresenceChanged", "SelectionChanged"];

    private static string TargetName(ref Utf8JsonReader reader)
    {
        foreach (var known in KnownTargets)
            if (reader.ValueTextEquals(known)) return known;
        return reader.GetString()!;
    }

    private static string? FindProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var found = reader.ValueTextEquals(name);
            reader.Read();
            if (found) return reader.TokenType == JsonTokenType.String ? reader.GetString() : Encoding.UTF8.GetString(reader.ValueSpan);
            reader.Skip();
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.IsOpen) await _socket.CloseOutputAsync(CancellationToken.None);
            // The server answers with its own close, which ends the receive loop.
            await _receiving.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is SocketException or WebSocketWireException or TimeoutException)
        {
        }
        await _closing.CancelAsync();
        await Task.WhenAll(_receiving, _pinging);
        _socket.Dispose();
    }
}

/// <summary>A hub method refused (the hub's message), or a connection that closed before the answer.</summary>
internal sealed class HubWireException(string message) : Exception(message);
