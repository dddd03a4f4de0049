using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace DraftingRoom.Benchmarks.CoEditing;

/// <summary>
/// The client end of a WebSocket (RFC 6455) on a plain socket, reduced to what a SignalR text connection needs: the
/// upgrade request, masked text frames out, and the payload of the server's data frames in, as one stream of bytes
/// (SignalR's records carry their own separator, so message boundaries do not matter). Pings are answered and a close
/// ends the stream.
/// </summary>
/// <remarks>
/// It exists for the load clients, hundreds of which share the app's two cores. <c>ClientWebSocket</c> reads through
/// the HTTP connection's buffer and hands over one frame per call; this reads whatever the socket holds in one system
/// call, so a client that falls behind catches up with fewer reads, not more.
/// </remarks>
internal sealed class WebSocketWire : IDisposable
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private const byte OpContinuation = 0x0, OpText = 0x1, OpBinary = 0x2, OpClose = 0x8, OpPing = 0x9, OpPong = 0xA;

    private readonly Socket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private byte[] _raw = new byte[64 * 1024];
    private int _rawStart;
    private int _rawEnd;
    private long _payloadLeft;
    private bool _closeSent;

    private WebSocketWire(Socket socket) => _socket = socket;

    public bool IsOpen { get; private set; } = true;

    /// <summary>Connects to <paramref name="url"/> (http) and upgrades the connection, sending the cookies.</summary>
    /// <exception cref="WebSocketWireException">The server did not accept the upgrade.</exception>
    public static async Task<WebSocketWire> ConnectAsync(Uri url, CookieContainer cookies, CancellationToken cancellation)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(url.Host, url.Port, cancellation);
            var wire = new WebSocketWire(socket);
            await wire.UpgradeAsync(url, cookies.GetCookieHeader(url), cancellation);
            return wire;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task UpgradeAsync(Uri url, string cookieHeader, CancellationToken cancellation)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var request = new StringBuilder()
            .Append($"GET {url.PathAndQuery} HTTP/1.1\r\n")
            .Append($"Host: {url.Authority}\r\n")
            .Append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
            .Append($"Sec-WebSocket-Key: {key}\r\n");
        if (cookieHeader.Length > 0) request.Append($"Cookie: {cookieHeader}\r\n");
        await SendAllAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()), cancellation);

        int headerEnd;
        while ((headerEnd = _raw.AsSpan(0, _rawEnd).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (_rawEnd == _raw.Length) throw new WebSocketWireException("The upgrade response is too long.");
            var read = await _socket.ReceiveAsync(_raw.AsMemory(_rawEnd), SocketFlags.None, cancellation);
            if (read == 0) throw new WebSocketWireException("The server closed the connection during the upgrade.");
            _rawEnd += read;
        }
        var lines = Encoding.ASCII.GetString(_raw, 0, headerEnd).Split("\r\n");
        if (!lines[0].StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            throw new WebSocketWireException($"The server refused the WebSocket: {lines[0]}");
        var expected = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid)));
        var accept = lines.Skip(1).Select(line => line.Split(':', 2))
            .FirstOrDefault(parts => parts[0].Equals("Sec-WebSocket-Accept", StringComparison.OrdinalIgnoreCase));
        if (accept is null || accept[1].Trim() != expected)
            throw new WebSocketWireException("The server's Sec-WebSocket-Accept does not answer our key.");
        // Frames the server sent right after its answer stay in the buffer.
        _rawStart = headerEnd + 4;
    }

    /// <summary>
    /// Copies the next payload bytes of the server's text messages into <paramref name="destination"/>, waiting for
    /// some when none is buffered. Returns 0 once the server closed the connection.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> ReceiveAsync(Memory<byte> destination, CancellationToken cancellation)
    {
        while (true)
        {
            if (_payloadLeft > 0 && _rawStart < _rawEnd)
            {
                var count = (int)Math.Min(Math.Min(_payloadLeft, _rawEnd - _rawStart), destination.Length);
                _raw.AsSpan(_rawStart, count).CopyTo(destination.Span);
                _rawStart += count;
                _payloadLeft -= count;
                return count;
            }
            if (_payloadLeft == 0 && TryReadHeader(out var opcode, out var length, out var headerLength))
            {
                if (opcode is OpText or OpContinuation or OpBinary)
                {
                    _rawStart += headerLength;
                    _payloadLeft = length;
                    continue;
                }
                if (_rawEnd - _rawStart < headerLength + length)
                {
                    await FillAsync(headerLength + (int)length, cancellation);
                    continue;
                }
                var payload = _raw.AsMemory(_rawStart + headerLength, (int)length).ToArray();
                _rawStart += headerLength + (int)length;
                if (opcode == OpPing) await SendFrameAsync(OpPong, payload, cancellation);
                if (opcode == OpClose)
                {
                    await CloseOutputAsync(cancellation);
                    IsOpen = false;
                    return 0;
                }
                continue;
            }
            if (!await FillAsync(_payloadLeft > 0 ? 1 : 14, cancellation))
            {
                IsOpen = false;
                return 0;
            }
        }
    }

    // A frame header from the server (never masked): FIN and opcode, then a 7-bit, 16-bit or 64-bit length.
    private bool TryReadHeader(out byte opcode, out long length, out int headerLength)
    {
        opcode = 0;
        length = 0;
        headerLength = 2;
        var available = _raw.AsSpan(_rawStart, _rawEnd - _rawStart);
        if (available.Length < 2) return false;
        opcode = (byte)(available[0] & 0x0F);
        if ((available[1] & 0x80) != 0) throw new WebSocketWireException("The server sent a masked frame.");
        length = available[1] & 0x7F;
        if (length == 126)
        {
            headerLength = 4;
            if (available.Length < 4) return false;
            length = BinaryPrimitives.ReadUInt16BigEndian(available[2..]);
        }
        else if (length == 127)
        {
            headerLength = 10;
            if (available.Length < 10) return false;
            length = (long)BinaryPrimitives.ReadUInt64BigEndian(available[2..]);
        }
        if (opcode >= OpClose && length > 125) throw new WebSocketWireException("The server sent a control frame over 125 bytes.");
        return true;
    }

    // Reads more from the socket, keeping what is unread; false when the server closed the connection.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> FillAsync(int atLeast, CancellationToken cancellation)
    {
        if (_rawStart == _rawEnd) _rawStart = _rawEnd = 0;
        if (_rawStart > 0 && _raw.Length - _rawStart < Math.Max(atLeast, 4096))
        {
            _raw.AsSpan(_rawStart, _rawEnd - _rawStart).CopyTo(_raw);
            _rawEnd -= _rawStart;
            _rawStart = 0;
        }
        var read = await _socket.ReceiveAsync(_raw.AsMemory(_rawEnd), SocketFlags.None, cancellation);
        _rawEnd += read;
        return read > 0;
    }

    /// <summary>Sends <paramref name="payload"/> as one text message.</summary>
    public Task SendTextAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellation) =>
        SendFrameAsync(OpText, payload, cancellation);

    /// <summary>Starts the closing handshake (status 1000); the server answers with its close, which ends
    /// <see cref="ReceiveAsync"/>.</summary>
    public Task CloseOutputAsync(CancellationToken cancellation) =>
        _closeSent ? Task.CompletedTask : SendFrameAsync(OpClose, new byte[] { 0x03, 0xE8 }, cancellation);

    private async Task SendFrameAsync(byte opcode, ReadOnlyMemory<byte> payload, CancellationToken cancellation)
    {
        // A client masks every frame with a fresh key (RFC 6455, 5.3).
        var headerLength = payload.Length < 126 ? 2 : payload.Length <= ushort.MaxValue ? 4 : 10;
        var frame = new byte[headerLength + 4 + payload.Length];
        frame[0] = (byte)(0x80 | opcode);
        if (headerLength == 2) frame[1] = (byte)(0x80 | payload.Length);
        else if (headerLength == 4)
        {
            frame[1] = 0x80 | 126;
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
        }
        else
        {
            frame[1] = 0x80 | 127;
            BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length);
        }
        var mask = frame.AsSpan(headerLength, 4);
        Random.Shared.NextBytes(mask);
        var body = frame.AsSpan(headerLength + 4);
        payload.Span.CopyTo(body);
        for (var i = 0; i < body.Length; i++) body[i] ^= mask[i & 3];

        await _sending.WaitAsync(cancellation);
        try
        {
            if (_closeSent) throw new WebSocketWireException("The connection is closing.");
            if (opcode == OpClose) _closeSent = true;
            await SendAllAsync(frame, cancellation);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task SendAllAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellation)
    {
        while (bytes.Length > 0)
        {
            var sent = await _socket.SendAsync(bytes, SocketFlags.None, cancellation);
            bytes = bytes[sent..];
        }
    }

    public void Dispose()
    {
        IsOpen = false;
        _socket.Dispose();
        _sending.Dispose();
    }
}

/// <summary>The WebSocket upgrade or framing failed.</summary>
internal sealed class WebSocketWireException(string message) : Exception(message);
