namespace DraftingRoom.Web.Tests.Infrastructure;

/// <summary>
/// One app and database for the tests of one class. Each test still makes the data it works on, so no test depends
/// on another's.
/// </summary>
public sealed class SharedTestApp(PostgresServer postgres) : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await TestApp.StartAsync(postgres);

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
