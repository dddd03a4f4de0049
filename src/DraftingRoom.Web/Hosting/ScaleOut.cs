using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Live;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace DraftingRoom.Web.Hosting;

/// <summary>
/// Several app nodes behind a load balancer, on one PostgreSQL: with the connection string "Redis" set, the
/// co-editing hub's messages go through the standard SignalR Redis backplane, and the live notifications of the
/// Blazor pages (<see cref="LiveNotifier"/>) through Redis pub/sub, so that both reach every node. Without it nothing
/// here is registered and one node runs alone, with no Redis needed.
/// </summary>
public static class ScaleOut
{
    public const string ConnectionStringName = "Redis";
    public const string HealthCheckName = "redis";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));

    public static void AddDraftingRoomScaleOut(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!IsConfigured(configuration)) return;
        var services = builder.Services;
        var options = ConfigurationOptions.Parse(configuration.GetConnectionString(ConnectionStringName)!);
        // Start, and answer "not ready", while Redis cannot be reached; connect as soon as it can.
        options.AbortOnConnectFail = false;
        var prefix = configuration["Redis:ChannelPrefix"] is { Length: > 0 } configured ? configured : "DraftingRoom";

        services.AddSingleton(provider => new RedisConnection(options, provider.GetRequiredService<ILogger<RedisConnection>>()));
        services.AddSingleton(provider => new RedisLiveRelay(provider.GetRequiredService<RedisConnection>(), prefix,
            provider.GetRequiredService<ILogger<RedisLiveRelay>>()));
        services.AddSingleton<ILiveRelay>(provider => provider.GetRequiredService<RedisLiveRelay>());
        services.AddHostedService(provider => provider.GetRequiredService<RedisLiveRelay>());

        // The standard backplane, for the co-editing hub only. Blazor's own circuits stay on the node that holds
        // them (the load balancer's sticky sessions): relaying their traffic through Redis would only cost.
        services.Configure<RedisOptions>(redis =>
        {
            redis.Configuration = options.Clone();
            redis.Configuration.ChannelPrefix = RedisChannel.Literal(prefix);
        });
        services.AddSingleton<HubLifetimeManager<DraftingHub>, RedisHubLifetimeManager<DraftingHub>>();

        services.AddHealthChecks().AddCheck<RedisHealthCheck>(HealthCheckName, tags: [HealthEndpoints.ReadyTag]);
    }
}

/// <summary>This node's connection to Redis for live notifications and the readiness check (the backplane has its own).</summary>
public sealed class RedisConnection(ConfigurationOptions options, ILogger<RedisConnection> logger) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _multiplexer = new(async () =>
    {
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(options);
        multiplexer.ConnectionFailed += (_, e) =>
            logger.LogWarning(e.Exception, "Lost the connection to Redis at {Endpoint} ({Failure})", e.EndPoint, e.FailureType);
        multiplexer.ConnectionRestored += (_, e) => logger.LogInformation("Connected to Redis at {Endpoint} again", e.EndPoint);
        return multiplexer;
    });

    public Task<ConnectionMultiplexer> GetAsync() => _multiplexer.Value;

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer.IsValueCreated && _multiplexer.Value.IsCompletedSuccessfully)
            await _multiplexer.Value.Result.DisposeAsync();
    }
}

/// <summary>Ready when Redis answers a PING and this node listens to the other nodes' live notifications.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis, RedisLiveRelay relay) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var multiplexer = await redis.GetAsync();
            if (!multiplexer.IsConnected) return HealthCheckResult.Unhealthy("Redis cannot be reached.");
            var latency = await multiplexer.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return relay.IsListening
                ? HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F1} ms")
                : HealthCheckResult.Unhealthy("Not yet subscribed to the other nodes' live notifications.");
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer.", exception);
        }
    }
}
