namespace DraftingRoom.Web.Hosting;

/// <summary>
/// `DraftingRoom.Web --health-probe` asks the running app's /health endpoint and exits 0 when it is healthy: the
/// container image's health check, which has no curl.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync()
    {
        var port = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';')[0]
                   ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS")?.Split(';')[0].Split(':').LastOrDefault()?.TrimEnd('/')
                   ?? "8080";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            var response = await client.GetAsync($"http://127.0.0.1:{port}/health");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
