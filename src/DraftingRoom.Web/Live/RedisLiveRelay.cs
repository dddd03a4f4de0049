using DraftingRoom.Web.Hosting;
using StackExchange.Redis;

namespace DraftingRoom.Web.Live;

/// <summary>
/// <see cref="LiveNotifier"/>'s changes between nodes over Redis pub/sub, on the channel "{prefix}:live". Each message
/// is "{node}|{kind}|{key}"; a node skips its own, which its subscribers have already heard of.
/// </summary>
/// <remarks>
/// Redis rather than PostgreSQL's LISTEN/NOTIFY: several nodes need Redis anyway for the SignalR backplane, so one
/// switch (the Redis connection string) turns on both and a single node needs neither; and LISTEN holds a dedicated
/// connection per node outside the pool (not possible through a transaction-pooling PgBouncer), while NOTIFY
/// serialises committing transactions on the database that co-editing already keeps busy.
/// </remarks>
public sealed class RedisLiveRelay(RedisConnection redis, string prefix, ILogger<RedisLiveRelay> logger)
    : ILiveRelay, IHostedService
{
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly RedisChannel _channel = RedisChannel.Literal(prefix + ":live");
    private readonly CancellationTokenSource _stopping = new();
    private Action<LiveChange>? _deliver;
    private ISubscriber? _subscriber;
    private volatile bool _listening;

    /// <summary>Whether this node is subscribed to the other nodes' changes (the readiness check asks).</summary>
    public bool IsListening => _listening;

    public void Listen(Action<LiveChange> deliver) => _deliver += deliver;

    public void Send(LiveChange change)
    {
        var subscriber = _subscriber;
        if (subscriber is null) return;
        var kind = change.Kind == LiveChangeKind.Declaration ? 'd' : 'u';
        try
        {
            subscriber.Publish(_channel, $"{_node}|{kind}|{change.Key}", CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "A live change could not be sent to the other nodes");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not awaited: the app starts while Redis is away, and reports itself not ready until this has subscribed.
        _ = SubscribeAsync();
        return Task.CompletedTask;
    }

    private async Task SubscribeAsync()
    {
        var attempt = 0;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var multiplexer = await redis.GetAsync();
                var subscriber = multiplexer.GetSubscriber();
                // Redis subscriptions are made again by the client after a reconnection.
                await subscriber.SubscribeAsync(_channel, OnMessage);
                _subscriber = subscriber;
                _listening = true;
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                if (attempt++ % 30 == 0) logger.LogWarning(exception, "Not yet subscribed to live changes in Redis; trying again");
                try
                {
                    // Take back the handler registered by the failed attempt, so the next one does not add a second.
                    (await redis.GetAsync()).GetSubscriber().Unsubscribe(_channel, OnMessage, CommandFlags.FireAndForget);
                }
                catch (Exception unsubscribing) when (unsubscribing is RedisException or TimeoutException)
                {
                    // Redis is away: the handler is dropped locally all the same.
                }
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnMessage(RedisChannel channel, RedisValue message)
    {
        var text = (string?)message;
        if (text is null) return;
        var parts = text.Split('|', 3);
        if (parts.Length != 3 || parts[0] == _node) return;
        var kind = parts[1] switch
        {
            "d" => LiveChangeKind.Declaration,
            "u" => LiveChangeKind.User,
            _ => (LiveChangeKind?)null,
        };
        if (kind is null) return;
        try
        {
            _deliver?.Invoke(new LiveChange(kind.Value, parts[2]));
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Delivering a live change from another node failed");
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _listening = false;
    }
}
