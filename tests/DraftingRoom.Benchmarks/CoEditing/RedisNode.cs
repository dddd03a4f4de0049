using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DraftingRoom.Benchmarks.CoEditing;

/// <summary>
/// The Redis that several app nodes share (SignalR backplane, live notifications): Debian's redis-server in a process
/// of its own, on loopback, on a free port, saving nothing, so that its CPU time can be read like the nodes'.
/// </summary>
internal sealed class RedisNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private RedisNode(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisNode> StartAsync()
    {
        var binary = new[] { Environment.GetEnvironmentVariable("REDIS_SERVER"), "/usr/bin/redis-server" }
            .FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p))
            ?? throw new InvalidOperationException("Several nodes need Redis: install redis-server (apt-get install redis-server) or set REDIS_SERVER.");
        var directory = Path.Combine(Path.GetTempPath(), $"draftingroom-bench-redis-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var process = Process.Start(new ProcessStartInfo(binary,
        [
            "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory,
            "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning",
        ]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new RedisNode(process, directory, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                await client.GetStream().WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[64];
                var read = await client.GetStream().ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)) return node;
            }
            catch (SocketException)
            {
            }
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await node.DisposeAsync();
                throw new InvalidOperationException("redis-server did not start.");
            }
            await Task.Delay(50);
        }
    }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
