using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DraftingRoom.Web.Hosting;
using Npgsql;

[assembly: AssemblyFixture(typeof(DraftingRoom.E2E.Infrastructure.AppServer))]
[assembly: AssemblyFixture(typeof(DraftingRoom.E2E.Infrastructure.BrowserHost))]

namespace DraftingRoom.E2E.Infrastructure;

/// <summary>
/// DraftingRoom as users meet it: the built app in a process of its own, in the Development environment (demo
/// accounts and the sample declaration), on a throwaway PostgreSQL (or the server named by DRAFTINGROOM_TEST_POSTGRES).
/// It can be killed and restarted, as a crash would.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    private EmbeddedPostgres? _cluster;
    private Process? _process;
    private readonly List<string> _output = [];
    private string _connectionString = "";

    public Uri BaseAddress { get; private set; } = null!;

    public string ConnectionString => _connectionString;

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("DRAFTINGROOM_TEST_POSTGRES");
        var database = $"e2e_{Environment.ProcessId}";
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE); ", connection);
            await command.ExecuteNonQueryAsync();
            command.CommandText = $"CREATE DATABASE {database}";
            await command.ExecuteNonQueryAsync();
            _connectionString = new NpgsqlConnectionStringBuilder(configured) { Database = database }.ConnectionString;
        }
        else
        {
            _cluster = await EmbeddedPostgres.StartAsync(
                Path.Combine(Path.GetTempPath(), $"draftingroom-e2e-{Environment.ProcessId}-{Guid.NewGuid():N}"), deleteOnDispose: true);
            await _cluster.EnsureDatabaseAsync(database);
            _connectionString = _cluster.ConnectionString(database);
        }
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        await StartAsync();
    }

    /// <summary>Starts the app process and waits until /health answers.</summary>
    public async Task StartAsync()
    {
        var startInfo = new ProcessStartInfo("dotnet", [WebAssemblyPath()])
        {
            WorkingDirectory = RepositoryPaths.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        startInfo.Environment["ConnectionStrings__DraftingRoom"] = _connectionString;
        startInfo.Environment["Logging__LogLevel__Default"] = "Warning";
        startInfo.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Error";
        _process = Process.Start(startInfo)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"DraftingRoom exited with code {_process.ExitCode}:\n{Output}");
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
            await Task.Delay(200);
        }
        throw new TimeoutException($"DraftingRoom did not become healthy within 90 s:\n{Output}");
    }

    /// <summary>Ends the app process at once, as a crash would (SIGKILL): nothing gets to shut down cleanly.</summary>
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
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }

    private static string WebAssemblyPath()
    {
        // The app is built with the same configuration as these tests (bin/<Configuration>/net10.0).
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.WebProject, "bin", configuration, "net10.0", "DraftingRoom.Web.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Build DraftingRoom.Web ({configuration}) before the end-to-end tests.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "DraftingRoom.Web");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "DraftingRoom.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (with DraftingRoom.sln) was not found above the test folder.");
    }
}
