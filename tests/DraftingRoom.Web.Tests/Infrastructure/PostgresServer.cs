using DraftingRoom.Web.Hosting;
using Npgsql;

[assembly: AssemblyFixture(typeof(DraftingRoom.Web.Tests.Infrastructure.PostgresServer))]

namespace DraftingRoom.Web.Tests.Infrastructure;

/// <summary>
/// One real PostgreSQL server for the whole test run: the one named by DRAFTINGROOM_TEST_POSTGRES (a connection
/// string whose user may create databases), or a throwaway cluster started here and deleted afterwards.
/// Each test gets a database of its own, cloned from a template that has the migrations and demo accounts.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "DRAFTINGROOM_TEST_POSTGRES";
    private const string TemplateDatabase = "draftingroom_template";
    private EmbeddedPostgres? _cluster;
    private string _adminConnectionString = "";
    private int _counter;
    private readonly SemaphoreSlim _cloneLock = new(1, 1);

    public EmbeddedPostgres? Cluster => _cluster;

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            _adminConnectionString = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres" }.ConnectionString;
        }
        else
        {
            var directory = Path.Combine(Path.GetTempPath(), $"draftingroom-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
            _cluster = await EmbeddedPostgres.StartAsync(directory, deleteOnDispose: true);
            _adminConnectionString = _cluster.ConnectionString("postgres");
        }

        await ExecuteAsync($"DROP DATABASE IF EXISTS {TemplateDatabase} WITH (FORCE)");
        await ExecuteAsync($"CREATE DATABASE {TemplateDatabase}");
        // Building the app once migrates the template and seeds the demo accounts every test starts from.
        await using (var app = await TestApp.BuildAsync(ConnectionString(TemplateDatabase), seedSample: true))
        {
        }
        NpgsqlConnection.ClearAllPools();
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>A new database with the schema, the roles, the demo accounts and the sample declaration.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        // PostgreSQL copies a template only while nobody else is connected to it.
        await _cloneLock.WaitAsync();
        try
        {
            await ExecuteAsync($"CREATE DATABASE {name} TEMPLATE {TemplateDatabase}");
        }
        finally
        {
            _cloneLock.Release();
        }
        return ConnectionString(name);
    }

    /// <summary>A new database with nothing in it, not even the schema.</summary>
    public async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"empty_{Environment.ProcessId}_{Interlocked.Increment(ref _counter)}";
        await ExecuteAsync($"CREATE DATABASE {name}");
        return ConnectionString(name);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}
