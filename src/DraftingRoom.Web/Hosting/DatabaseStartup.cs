using DraftingRoom.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Hosting;

public static class DatabaseStartup
{
    public const string ConnectionStringName = "DraftingRoom";

    /// <summary>
    /// Makes sure a database is configured: the connection string "DraftingRoom" when set, otherwise a private
    /// PostgreSQL cluster started now and stopped with the app.
    /// </summary>
    public static async Task UseConfiguredOrEmbeddedPostgresAsync(this WebApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(ConnectionStringName))) return;

        var dataDirectory = builder.Configuration["EmbeddedPostgres:DataDirectory"]
            ?? Path.Combine(builder.Environment.ContentRootPath, ".data", "postgres");
        Console.WriteLine($"No connection string is set: starting a private PostgreSQL server in {dataDirectory}");
        var cluster = await EmbeddedPostgres.StartAsync(dataDirectory);
        Console.WriteLine($"PostgreSQL is listening on 127.0.0.1:{cluster.Port}");
        builder.Configuration[$"ConnectionStrings:{ConnectionStringName}"] = cluster.ConnectionString();
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
    }

    /// <summary>Applies pending migrations, then seeds what the environment asks for.</summary>
    public static async Task MigrateAndSeedAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingRoomDbContext>();
        // EF Core reads its history table before creating it, which logs a failed query on a new database.
        await db.Database.ExecuteSqlRawAsync(
            """CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" ("MigrationId" character varying(150) PRIMARY KEY, "ProductVersion" character varying(32) NOT NULL)""");
        await db.Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<Seeding.Seeder>().SeedAsync();
        app.Services.GetRequiredService<DatabaseReadiness>().MarkReady();
    }
}

/// <summary>Stops the private PostgreSQL server when the app stops.</summary>
internal sealed class EmbeddedPostgresLifetime(EmbeddedPostgres cluster) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => cluster.StopAsync();
}

/// <summary>Set once migrations are applied; the health endpoint reports unhealthy until then.</summary>
public sealed class DatabaseReadiness
{
    public bool IsReady { get; private set; }

    public void MarkReady() => IsReady = true;
}
