using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DraftingRoom.Web.Tests.Infrastructure;

/// <summary>
/// A real Redis server for one test: Debian's redis-server in a process of its own, on loopback, on a free port, with
/// a throwaway folder and nothing saved to disk. It can be killed and started again on the same port.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string DefaultBinary = "/usr/bin/redis-server";
    private readonly string _binary;
    private readonly string _directory;
    private readonly List<string> _output = [];
    private Process? _process;

    private RedisServer(string binary, string directory, int port)
    {
        _binary = binary;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>redis-server: REDIS_SERVER when set, else Debian's, else the one on the PATH; null when there is none.</summary>
    public static string? FindBinary()
    {
        var configured = Environment.GetEnvironmentVariable("REDIS_SERVER");
        if (!string.IsNullOrWhiteSpace(configured)) return File.Exists(configured) ? configured : null;
        if (File.Exists(DefaultBinary)) return DefaultBinary;
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server")).FirstOrDefault(File.Exists);
    }

    /// <summary>Starts a server, or skips the calling test when this machine has no redis-server (CI installs it).</summary>
    public static async Task<RedisServer> StartOrSkipAsync()
    {
        var binary = FindBinary();
        if (binary is null)
            Assert.Skip("This test needs Redis and the machine has no redis-server (apt-get install redis-server, or set REDIS_SERVER).");
        var directory = Path.Combine(Path.GetTempPath(), $"draftingroom-redis-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var server = new RedisServer(binary!, directory, FreePort());
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server (again, after <see cref="Kill"/>) and waits until it answers PING.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("Redis is already running.");
        var startInfo = new ProcessStartInfo(_binary,
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--dir", _directory, "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes",
            "--loglevel", "warning",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await AnswersPingAsync())
        {
            if (process.HasExited) throw new InvalidOperationException($"redis-server exited with code {process.ExitCode}:\n{Output}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"redis-server did not answer in time:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Ends the server at once with SIGKILL.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public string Output
    {
        get
        {
            lock (_output) return string.Join('\n', _output.TakeLast(50));
        }
    }

    /// <summary>Sends an inline command over a plain socket and returns the first line of the answer.</summary>
    public async Task<string> CommandAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        return Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            return await CommandAsync("PING") == "+PONG";
        }
        catch (Exception exception) when (exception is SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
