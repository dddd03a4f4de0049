using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace DraftingRoom.Web.Hosting;

/// <summary>
/// A private PostgreSQL cluster that DraftingRoom starts itself when no connection string is configured:
/// initdb and pg_ctl from the machine's PostgreSQL, data in a folder of its own, listening on loopback only,
/// on a free port, stopped with the app. The tests use it too, with a throwaway folder.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string DatabaseUser = "draftingroom";
    private readonly string _binDirectory;
    private readonly string _dataDirectory;
    private readonly bool _deleteOnDispose;
    private bool _stopped;

    private EmbeddedPostgres(string binDirectory, string dataDirectory, int port, string password, bool deleteOnDispose)
    {
        _binDirectory = binDirectory;
        _dataDirectory = dataDirectory;
        _deleteOnDispose = deleteOnDispose;
        Port = port;
        Password = password;
    }

    public int Port { get; }
    public string Password { get; }
    public string DataDirectory => _dataDirectory;

    /// <summary>A connection string for <paramref name="database"/> on this cluster.</summary>
    public string ConnectionString(string database = "draftingroom") =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username={DatabaseUser};Password={Password};" +
        "Include Error Detail=true";

    /// <summary>
    /// Starts a cluster in <paramref name="dataDirectory"/>, creating it on first use. A cluster left running by an
    /// earlier process that did not stop cleanly is stopped first.
    /// </summary>
    /// <exception cref="PostgresNotFoundException">The machine has no PostgreSQL server binaries.</exception>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, bool deleteOnDispose = false,
        CancellationToken cancellationToken = default)
    {
        var binDirectory = FindBinDirectory() ?? throw new PostgresNotFoundException();
        dataDirectory = Path.GetFullPath(dataDirectory);
        var passwordFile = dataDirectory + ".password";
        var clusterDirectory = Path.Combine(dataDirectory, "cluster");
        Directory.CreateDirectory(dataDirectory);
        var runAs = RunAsUser();
        if (runAs is not null) GrantOwnership(dataDirectory, runAs);

        if (!File.Exists(Path.Combine(clusterDirectory, "PG_VERSION")))
        {
            if (Directory.Exists(clusterDirectory)) Directory.Delete(clusterDirectory, recursive: true);
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant();
            var initPasswordFile = Path.Combine(dataDirectory, "initdb.pw");
            await File.WriteAllTextAsync(initPasswordFile, password, cancellationToken);
            if (runAs is not null) GrantOwnership(initPasswordFile, runAs);
            try
            {
                await RunAsync(binDirectory, "initdb", runAs, cancellationToken,
                    "-D", clusterDirectory, "-U", DatabaseUser, "--auth=scram-sha-256", "--pwfile=" + initPasswordFile,
                    "--encoding=UTF8", "--locale=C.UTF-8");
            }
            finally
            {
                File.Delete(initPasswordFile);
            }
            await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        if (File.Exists(Path.Combine(clusterDirectory, "postmaster.pid")))
        {
            // Left behind by a process that was killed: stop that server, or clear its stale pid file.
            await TryRunAsync(binDirectory, "pg_ctl", runAs, cancellationToken, "stop", "-D", clusterDirectory, "-m", "fast", "-w");
        }

        var port = FreeLoopbackPort();
        var logFile = Path.Combine(dataDirectory, "postgres.log");
        await RunAsync(binDirectory, "pg_ctl", runAs, cancellationToken,
            "start", "-D", clusterDirectory, "-w", "-t", "60", "-l", logFile,
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=on");

        var cluster = new EmbeddedPostgres(binDirectory, dataDirectory, port,
            (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim(), deleteOnDispose);
        await cluster.EnsureDatabaseAsync("draftingroom", cancellationToken);
        return cluster;
    }

    /// <summary>Creates <paramref name="database"/> if it does not exist yet.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stops the server with a fast shutdown: committed transactions are already on disk.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        Npgsql.NpgsqlConnection.ClearAllPools();
        await TryRunAsync(_binDirectory, "pg_ctl", RunAsUser(), CancellationToken.None,
            "stop", "-D", Path.Combine(_dataDirectory, "cluster"), "-m", "fast", "-w");
    }

    /// <summary>Stops the server immediately, as a crash would (for fault tests).</summary>
    public Task KillAsync() => TryRunAsync(_binDirectory, "pg_ctl", RunAsUser(), CancellationToken.None,
        "stop", "-D", Path.Combine(_dataDirectory, "cluster"), "-m", "immediate", "-w");

    /// <summary>Starts the server again on the same port after <see cref="KillAsync"/> or <see cref="StopAsync"/>.</summary>
    public async Task RestartAsync()
    {
        await RunAsync(_binDirectory, "pg_ctl", RunAsUser(), CancellationToken.None,
            "start", "-D", Path.Combine(_dataDirectory, "cluster"), "-w", "-t", "60",
            "-l", Path.Combine(_dataDirectory, "postgres.log"),
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
        _stopped = false;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_deleteOnDispose)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
                File.Delete(_dataDirectory + ".password");
            }
            catch (IOException)
            {
                // A throwaway folder that cannot be removed now is left for the OS to clean.
            }
        }
    }

    /// <summary>The folder holding initdb and pg_ctl: the PATH first, then Debian's and common install folders.</summary>
    public static string? FindBinDirectory()
    {
        var candidates = new List<string>();
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator,
            StringSplitOptions.RemoveEmptyEntries));
        foreach (var root in new[] { "/usr/lib/postgresql", "/usr/local/pgsql", "/opt/homebrew/opt" })
        {
            if (!Directory.Exists(root)) continue;
            candidates.AddRange(Directory.GetDirectories(root).OrderDescending().Select(d => Path.Combine(d, "bin")));
        }
        candidates.Add("/usr/local/pgsql/bin");

        foreach (var directory in candidates)
        {
            var initdb = Path.Combine(directory, "initdb");
            var pgCtl = Path.Combine(directory, "pg_ctl");
            if (File.Exists(initdb) && File.Exists(pgCtl))
            {
                // Symbolic links on the PATH (as on Debian) point to the real folder, which also holds `postgres`.
                var real = new FileInfo(pgCtl).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? pgCtl;
                return Path.GetDirectoryName(real);
            }
        }
        return null;
    }

    // PostgreSQL refuses to run as root, so as root the cluster runs as the machine's postgres user.
    private static string? RunAsUser() =>
        Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root" ? "postgres" : null;

    private static void GrantOwnership(string path, string user)
    {
        if (OperatingSystem.IsWindows()) return;
        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", user, path])
        {
            RedirectStandardError = true,
        })!;
        chown.WaitForExit();
        if (chown.ExitCode != 0)
            throw new InvalidOperationException($"Could not give {path} to the {user} user: {chown.StandardError.ReadToEnd()}");
        // The user must be able to reach the folder through its parents.
        for (var parent = Path.GetDirectoryName(path); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            var mode = File.GetUnixFileMode(parent);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
                File.SetUnixFileMode(parent, mode | UnixFileMode.OtherExecute);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string binDirectory, string tool, string? runAs, CancellationToken cancellationToken,
        params string[] arguments)
    {
        var (exitCode, output) = await ExecuteAsync(binDirectory, tool, runAs, cancellationToken, arguments);
        if (exitCode != 0)
            throw new InvalidOperationException($"PostgreSQL's {tool} failed (exit code {exitCode}):\n{output}");
    }

    private static async Task TryRunAsync(string binDirectory, string tool, string? runAs, CancellationToken cancellationToken,
        params string[] arguments) => await ExecuteAsync(binDirectory, tool, runAs, cancellationToken, arguments);

    private static async Task<(int ExitCode, string Output)> ExecuteAsync(string binDirectory, string tool, string? runAs,
        CancellationToken cancellationToken, string[] arguments)
    {
        var executable = Path.Combine(binDirectory, tool);
        var startInfo = runAs is null
            ? new ProcessStartInfo(executable)
            : new ProcessStartInfo("runuser", ["-u", runAs, "--", executable]);
        foreach (var argument in arguments) startInfo.ArgumentList.Add(argument);
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.WorkingDirectory = Path.GetTempPath();
        // pg_ctl's server inherits our output pipes unless redirected to the log; read both to the end.
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        return (process.ExitCode, output);
    }
}

/// <summary>Thrown when DraftingRoom must start its own PostgreSQL but the machine has none.</summary>
public sealed class PostgresNotFoundException() : Exception(
    "DraftingRoom needs PostgreSQL, and none was configured or found on this machine.\n" +
    "Either install PostgreSQL 15 or later (on Debian or Ubuntu: apt-get install postgresql) so that DraftingRoom can " +
    "start its own private server, or run DraftingRoom and its database in containers with `docker compose up`.\n" +
    "To use an existing server instead, set ConnectionStrings__DraftingRoom.");
