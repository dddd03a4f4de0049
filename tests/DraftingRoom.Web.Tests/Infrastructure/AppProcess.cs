using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DraftingRoom.Web.Tests.Infrastructure;

/// <summary>
/// The built DraftingRoom.Web in a process of its own, on a loopback port and a database that already exists, so that
/// a test can kill it as a crash would (SIGKILL) and start it again on the same port and database. Sign-in cookies
/// stay valid across restarts because the data-protection keys are kept on disk (the default).
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly List<string> _output = [];
    private Process? _process;

    /// <param name="settings">More environment variables for the app, such as <c>ConnectionStrings__Redis</c>; they
    /// override the defaults set here.</param>
    public AppProcess(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        _connectionString = connectionString;
        _settings = settings ?? new Dictionary<string, string>();
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
    }

    public Uri BaseAddress { get; }

    /// <summary>The process's id while it runs.</summary>
    public int? ProcessId => _process is { HasExited: false } ? _process.Id : null;

    /// <summary>Starts the app and waits until /health answers.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (_process is { HasExited: false }) throw new InvalidOperationException("The app is already running.");
        var startInfo = new ProcessStartInfo("dotnet", [WebAssemblyPath()])
        {
            WorkingDirectory = RepositoryPaths.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        startInfo.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        startInfo.Environment["ConnectionStrings__DraftingRoom"] = _connectionString;
        startInfo.Environment["Seed__DemoAccounts"] = "true";
        startInfo.Environment["Seed__SampleDeclaration"] = "false";
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        startInfo.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Error";
        foreach (var (name, value) in _settings) startInfo.Environment[name] = value;
        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"DraftingRoom exited with code {process.ExitCode}:\n{Output}");
            try
            {
                if ((await client.GetAsync(new Uri(BaseAddress, "/health"))).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"DraftingRoom did not become healthy in time:\n{Output}");
    }

    /// <summary>Ends the process at once with SIGKILL: nothing shuts down cleanly, nothing is flushed.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>Every line the app wrote so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_output) return _output.ToList();
        }
    }

    /// <summary>The last lines the app wrote.</summary>
    public string Output
    {
        get
        {
            lock (_output) return string.Join('\n', _output.TakeLast(200));
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
    }

    private static string WebAssemblyPath()
    {
        // The app is built with the same configuration as these tests (bin/<Configuration>/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.WebProject, "bin", configuration, "net10.0", "DraftingRoom.Web.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Build DraftingRoom.Web ({configuration}) before these tests.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
