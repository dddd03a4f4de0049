using System.Net;
using System.Net.Sockets;

namespace DraftingRoom.Web.Tests.Infrastructure;

/// <summary>
/// A TCP load balancer on loopback, as HAProxy or nginx stand in front of the app nodes: each connection goes to the
/// first node in the list that accepts it and stays there (sticky for its whole life: a WebSocket, a Blazor circuit),
/// and when a node is gone its new connections go to the next one. Bytes are copied as they are, both ways.
/// </summary>
public sealed class TestLoadBalancer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IReadOnlyList<Uri> _nodes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly int[] _connections;
    private readonly List<(TcpClient Client, TcpClient Node)> _open = [];

    /// <param name="nodes">The nodes in order of preference.</param>
    public TestLoadBalancer(params Uri[] nodes)
    {
        _nodes = nodes;
        _connections = new int[nodes.Length];
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>How many connections were sent to the node at <paramref name="index"/> so far.</summary>
    public int ConnectionsTo(int index) => Volatile.Read(ref _connections[index]);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        TcpClient? node = null;
        for (var i = 0; i < _nodes.Count && node is null; i++)
        {
            var candidate = new TcpClient { NoDelay = true };
            try
            {
                await candidate.ConnectAsync(_nodes[i].Host, _nodes[i].Port, _stop.Token);
                node = candidate;
                Interlocked.Increment(ref _connections[i]);
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                candidate.Dispose();
            }
            catch (Exception)
            {
                candidate.Dispose();
                break;
            }
        }
        if (node is null)
        {
            client.Dispose();
            return;
        }
        client.NoDelay = true;
        lock (_open) _open.Add((client, node));
        try
        {
            var clientStream = client.GetStream();
            var nodeStream = node.GetStream();
            // When either side ends, the other is ended too, as a proxy does when a node dies under a connection.
            await Task.WhenAny(CopyAsync(clientStream, nodeStream), CopyAsync(nodeStream, clientStream));
        }
        finally
        {
            lock (_open) _open.Remove((client, node));
            client.Dispose();
            node.Dispose();
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to, 16 * 1024, _stop.Token);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_open)
            foreach (var (client, node) in _open)
            {
                client.Dispose();
                node.Dispose();
            }
        await _accepting;
    }
}
