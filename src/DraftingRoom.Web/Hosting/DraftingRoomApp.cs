namespace DraftingRoom.Web.Hosting;

/// <summary>Builds the whole app: used by Program and by the tests that host it on a real port.</summary>
public static class DraftingRoomApp
{
    public static async Task<WebApplication> BuildAsync(WebApplicationOptions options,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(options);
        configure?.Invoke(builder);
        await builder.UseConfiguredOrEmbeddedPostgresAsync();
        builder.AddDraftingRoom();
        var app = builder.Build();
        app.UseDraftingRoom();
        await app.MigrateAndSeedAsync();
        return app;
    }
}
