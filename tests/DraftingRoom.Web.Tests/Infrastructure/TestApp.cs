using System.Net;
using System.Security.Claims;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DraftingRoom.Web.Tests.Infrastructure;

/// <summary>The whole DraftingRoom app on a real loopback port, on a database of the test's own.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app) => App = app;

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<TestApp> StartAsync(PostgresServer postgres, Action<IDictionary<string, string?>>? configure = null)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        return await StartAsync(connectionString, configure);
    }

    /// <summary>
    /// The app on a database that already exists, such as one from <see cref="PostgresServer.CreateDatabaseAsync"/>:
    /// several apps started on the same connection string are several server nodes sharing one database.
    /// </summary>
    public static async Task<TestApp> StartAsync(string connectionString, Action<IDictionary<string, string?>>? configure = null)
    {
        var app = await BuildAsync(connectionString, seedSample: false, configure);
        app.App.Urls.Add("http://127.0.0.1:0");
        await app.App.StartAsync();
        var address = app.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.BaseAddress = new Uri(address);
        return app;
    }

    internal static async Task<TestApp> BuildAsync(string connectionString, bool seedSample,
        Action<IDictionary<string, string?>>? configure = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:DraftingRoom"] = connectionString,
            ["Seed:DemoAccounts"] = "true",
            ["Seed:SampleDeclaration"] = seedSample ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        };
        configure?.Invoke(settings);
        var app = await DraftingRoomApp.BuildAsync(
            new WebApplicationOptions
            {
                ApplicationName = "DraftingRoom.Web",
                ContentRootPath = RepositoryPaths.WebProject,
                EnvironmentName = "Testing",
            },
            builder => builder.Configuration.AddInMemoryCollection(settings));
        return new TestApp(app);
    }

    /// <summary>The principal a demo user gets when signing in: same claims, same roles.</summary>
    public async Task<ClaimsPrincipal> SignInAsAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}");
        return await factory.CreateAsync(user);
    }

    public static ClaimsPrincipal Anonymous => new(new ClaimsIdentity());

    /// <summary>An HTTP client with its own cookie jar, not following redirects so tests can see them.</summary>
    public HttpClient CreateClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = BaseAddress,
        };

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (BaseAddress is not null) await App.StopAsync();
        await App.DisposeAsync();
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

/// <summary>The demo accounts seeded in every test database.</summary>
public static class Demo
{
    public const string Password = "solidarity-demo-2027";
    public const string Admin = "admin@draftingroom.example";
    public const string Expert = "expert@draftingroom.example";
    public const string Secretariat = "secretariat@draftingroom.example";
    public const string Delegate = "amaria@draftingroom.example";
    public const string DelegateColleague = "amaria.adviser@draftingroom.example";
    public const string SecondDelegate = "serrania@draftingroom.example";
    public const string CivilSociety = "gsn@draftingroom.example";
    public const string Observer = "observer@draftingroom.example";
}
