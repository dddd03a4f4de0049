using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DraftingRoom.Benchmarks.CoEditing;

/// <summary>
/// One DraftingRoom server in a process of its own, on a loopback port, so that its CPU time and memory can be read
/// apart from the load clients'. Several nodes on one database are several of these.
/// </summary>
internal sealed class AppNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private AppNode(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <param name="redis">The Redis connection string, for several nodes; null for one node alone.</param>
    public static async Task<AppNode> StartAsync(string connectionString, string webProject, string webAssembly, string? redis = null)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var startInfo = new ProcessStartInfo("dotnet", [webAssembly])
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        startInfo.Environment["ConnectionStrings__DraftingRoom"] = connectionString;
        startInfo.Environment["Seed__DemoAccounts"] = "false";
        startInfo.Environment["Seed__SampleDeclaration"] = "false";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        if (redis is not null) startInfo.Environment["ConnectionStrings__Redis"] = redis;
        var node = new AppNode(Process.Start(startInfo)!, baseAddress);
        node._process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        node._process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (node._process.HasExited)
                throw new InvalidOperationException($"The app exited with code {node._process.ExitCode}:\n{node.Output}");
            try
            {
                // Ready: the database, and Redis with the live relay subscribed when there is one.
                if ((await client.GetAsync(new Uri(baseAddress, "/health/ready"))).StatusCode == HttpStatusCode.OK) return node;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The app did not become healthy within 90 s:\n{node.Output}");
    }

    /// <summary>CPU time the server process has used so far, all threads.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>The server process's resident memory, in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public string Output
    {
        get
        {
            lock (_output) return string.Join('\n', _output.TakeLast(50));
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 500) _output.RemoveRange(0, 250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
