using System.Net;
using System.Text.Json;
using DraftingRoom.Web.Tests.Collaboration;
using DraftingRoom.Web.Tests.Infrastructure;

namespace DraftingRoom.Web.Tests.MultiNode;

/// <summary>What a load balancer and an operator see of a node: its health endpoints and its logs.</summary>
[Collection(SeveralNodes.Name)]
public sealed class OperationsTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_node_stays_live_but_is_not_ready_while_Redis_is_down_and_is_ready_again_when_it_returns()
    {
        await using var redis = await RedisServer.StartOrSkipAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var node = new AppProcess(connectionString, Nodes.OnRedis(redis,
            ("Logging__Console__FormatterName", "json"), ("Logging__LogLevel__DraftingRoom", "Information")));
        await node.StartAsync();

        var live = await Nodes.GetAsync(node.BaseAddress, "/health/live");
        var ready = await Nodes.GetAsync(node.BaseAddress, "/health/ready");
        Assert.Equal((HttpStatusCode.OK, "Healthy"), live);
        Assert.Equal(HttpStatusCode.OK, ready.Status);
        Assert.Equal(new Dictionary<string, string> { ["database"] = "Healthy", ["redis"] = "Healthy" }, Nodes.Checks(ready.Body));
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Nodes.GetAsync(node.BaseAddress, "/health"));

        redis.Kill();
        (HttpStatusCode Status, string Body) down = (HttpStatusCode.OK, "");
        await RandomEdits.WaitForAsync(async () => (down = await Nodes.GetAsync(node.BaseAddress, "/health/ready")).Status != HttpStatusCode.OK,
            Nodes.Timeout, () => "the node stayed ready without Redis");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.Equal(new Dictionary<string, string> { ["database"] = "Healthy", ["redis"] = "Unhealthy" }, Nodes.Checks(down.Body));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Nodes.GetAsync(node.BaseAddress, "/health")).Status);
        // Alive all the same: a restart would not bring Redis back.
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Nodes.GetAsync(node.BaseAddress, "/health/live"));

        await redis.StartAsync();
        await Nodes.WaitUntilReadyAsync(node.BaseAddress);

        // The logs are JSON lines, one per entry, and they told the operator what happened.
        var lines = node.Lines.Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(lines);
        var entries = lines.Select(line =>
        {
            try
            {
                return JsonDocument.Parse(line).RootElement.Clone();
            }
            catch (JsonException)
            {
                Assert.Fail($"Not a JSON log line: {line}");
                throw;
            }
        }).ToList();
        Assert.All(entries, e => Assert.True(e.TryGetProperty("LogLevel", out _) && e.TryGetProperty("Category", out _)));
        Assert.Contains(entries, e => e.GetProperty("Category").GetString() == "DraftingRoom.Web.Hosting.RedisConnection" &&
                                      e.GetProperty("LogLevel").GetString() == "Warning");
    }
}
