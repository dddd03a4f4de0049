using DraftingRoom.Web.Data;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DraftingRoom.Web.Tests.Hosting;

public sealed class DatabaseStartupTests(PostgresServer postgres)
{
    [Fact]
    public async Task Migrations_apply_to_an_empty_database()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        var options = new DbContextOptionsBuilder<DraftingRoomDbContext>().UseNpgsql(connectionString).Options;
        await using (var db = new DraftingRoomDbContext(options))
        {
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.Declarations.CountAsync(TestContext.Current.CancellationToken));
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY(@names)", connection);
        command.Parameters.AddWithValue("names", new[] { "Declarations", "Articles", "ArticleRevisions", "Organisations", "AuditEvents", "AspNetUsers", "AspNetRoles" });
        Assert.Equal(7L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_app_starts_on_an_empty_database_and_reports_healthy()
    {
        await using var app = await TestApp.StartAsync(postgres);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Without_seed_settings_nothing_but_the_roles_is_seeded()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await using var app = await TestApp.BuildAsync(connectionString, seedSample: false,
            settings => settings["Seed:DemoAccounts"] = "false");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingRoomDbContext>();

        Assert.Equal(0, await db.Users.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Declarations.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(5, await db.Roles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_first_admin_comes_from_configuration()
    {
        var connectionString = await postgres.CreateEmptyDatabaseAsync();
        await using var app = await TestApp.BuildAsync(connectionString, seedSample: false, settings =>
        {
            settings["Seed:DemoAccounts"] = "false";
            settings["Seed:AdminEmail"] = "operations@example.org";
            settings["Seed:AdminPassword"] = "a long enough password";
        });
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();

        var admins = await users.GetUsersInRoleAsync(DraftingRoom.Web.Accounts.Roles.Admin);

        Assert.Equal("operations@example.org", Assert.Single(admins).Email);
    }
}
