using System.Collections.Concurrent;

namespace DraftingRoom.Web.Live;

/// <summary>
/// Tells open pages that something they show has changed: a declaration (its articles, comments, proposals, rounds)
/// or a user's notifications. Components subscribe on first render, re-render through InvokeAsync when called, and
/// dispose the subscription.
/// </summary>
/// <remarks>
/// Subscribers on this node hear of a change at once. With several nodes (<see cref="ILiveRelay"/>, Redis pub/sub)
/// the change is also sent to the other nodes, whose subscribers hear of it when it arrives there. A change says only
/// what changed, never how: a page reloads what it shows from the database, so a notification lost in transit (Redis
/// unreachable for a moment) leaves that page behind until the next change or a reload, and loses no data.
/// </remarks>
public sealed class LiveNotifier
{
    private readonly Channel<Guid> _declarations;
    private readonly Channel<string> _users;
    private readonly ILiveRelay? _relay;

    public LiveNotifier(ILogger<LiveNotifier> logger, ILiveRelay? relay = null)
    {
        _declarations = new Channel<Guid>(logger);
        _users = new Channel<string>(logger);
        _relay = relay;
        relay?.Listen(Deliver);
    }

    public IDisposable SubscribeToDeclaration(Guid declarationId, Func<Task> onChanged) =>
        _declarations.Subscribe(declarationId, onChanged);

    public void DeclarationChanged(Guid declarationId)
    {
        _declarations.Publish(declarationId);
        _relay?.Send(new LiveChange(LiveChangeKind.Declaration, declarationId.ToString()));
    }

    /// <summary>Hears of new notifications for <paramref name="userId"/>, or of their being read.</summary>
    public IDisposable SubscribeToUser(string userId, Func<Task> onChanged) => _users.Subscribe(userId, onChanged);

    public void UserNotified(string userId)
    {
        _users.Publish(userId);
        _relay?.Send(new LiveChange(LiveChangeKind.User, userId));
    }

    /// <summary>A change another node announced: told to this node's subscribers only.</summary>
    private void Deliver(LiveChange change)
    {
        switch (change.Kind)
        {
            case LiveChangeKind.Declaration when Guid.TryParse(change.Key, out var declarationId):
                _declarations.Publish(declarationId);
                break;
            case LiveChangeKind.User:
                _users.Publish(change.Key);
                break;
        }
    }

    private sealed class Channel<TKey>(ILogger logger) where TKey : notnull
    {
        private readonly ConcurrentDictionary<TKey, ConcurrentDictionary<Subscription, byte>> _subscribers = new();

        public IDisposable Subscribe(TKey key, Func<Task> onChanged)
        {
            var subscription = new Subscription(this, key, onChanged);
            _subscribers.GetOrAdd(key, _ => new()).TryAdd(subscription, 0);
            return subscription;
        }

        public void Publish(TKey key)
        {
            if (!_subscribers.TryGetValue(key, out var subscriptions)) return;
            foreach (var subscription in subscriptions.Keys)
                _ = NotifyAsync(subscription);
        }

        private async Task NotifyAsync(Subscription subscription)
        {
            try
            {
                await subscription.OnChanged();
            }
            catch (Exception exception)
            {
                // One broken page must not stop the others from hearing of the change.
                logger.LogWarning(exception, "A live subscriber failed to handle a change");
            }
        }

        private sealed class Subscription(Channel<TKey> owner, TKey key, Func<Task> onChanged) : IDisposable
        {
            public Func<Task> OnChanged { get; } = onChanged;

            public void Dispose()
            {
                if (owner._subscribers.TryGetValue(key, out var subscriptions))
                    subscriptions.TryRemove(this, out _);
            }
        }
    }
}
