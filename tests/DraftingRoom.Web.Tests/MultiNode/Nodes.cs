using System.Net;
using System.Text.Json;
using DraftingRoom.Web.Tests.Collaboration;
using DraftingRoom.Web.Tests.Infrastructure;

namespace DraftingRoom.Web.Tests.MultiNode;

/// <summary>
/// The tests that start several app nodes run one at a time: each starts a Redis server and two or three apps, which
/// is as much as two cores carry next to the rest of the suite.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SeveralNodes
{
    public const string Name = "Several app nodes";
}

/// <summary>What the multi-node tests share: the settings of a node on Redis, and waiting until a node is ready.</summary>
internal static class Nodes
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The environment of an app process that scales out through <paramref name="redis"/>.</summary>
    public static Dictionary<string, string> OnRedis(RedisServer redis, params (string Name, string Value)[] more)
    {
        var settings = new Dictionary<string, string> { ["ConnectionStrings__Redis"] = redis.ConnectionString };
        foreach (var (name, value) in more) settings[name] = value;
        return settings;
    }

    /// <summary>Waits until /health/ready answers 200: the database, Redis, and the live relay subscribed.</summary>
    public static async Task WaitUntilReadyAsync(Uri node)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await RandomEdits.WaitForAsync(async () =>
        {
            try
            {
                return (await client.GetAsync(new Uri(node, "/health/ready"))).StatusCode == HttpStatusCode.OK;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, Timeout, () => $"{node} did not become ready");
    }

    /// <summary>GET <paramref name="path"/>: the status code and the body.</summary>
    public static async Task<(HttpStatusCode Status, string Body)> GetAsync(Uri node, string path)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var response = await client.GetAsync(new Uri(node, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The status of each check in a /health/ready answer.</summary>
    public static IReadOnlyDictionary<string, string> Checks(string readyBody)
    {
        using var json = JsonDocument.Parse(readyBody);
        return json.RootElement.GetProperty("checks").EnumerateObject()
            .ToDictionary(c => c.Name, c => c.Value.GetProperty("status").GetString()!);
    }
}
