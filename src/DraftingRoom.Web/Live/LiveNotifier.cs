using System.Collections.Concurrent;

namespace DraftingRoom.Web.Live;

/// <summary>
/// Tells open pages that something they show has changed. Components subscribe on first render, re-render through
/// InvokeAsync when called, and dispose the subscription.
/// </summary>
public sealed class LiveNotifier(ILogger<LiveNotifier> logger)
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<Subscription, byte>> _byDeclaration = new();

    public IDisposable SubscribeToDeclaration(Guid declarationId, Func<Task> onChanged)
    {
        var subscription = new Subscription(this, declarationId, onChanged);
        _byDeclaration.GetOrAdd(declarationId, _ => new()).TryAdd(subscription, 0);
        return subscription;
    }

    public void DeclarationChanged(Guid declarationId)
    {
        if (!_byDeclaration.TryGetValue(declarationId, out var subscriptions)) return;
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

    private sealed class Subscription(LiveNotifier owner, Guid declarationId, Func<Task> onChanged) : IDisposable
    {
        public Func<Task> OnChanged { get; } = onChanged;

        public void Dispose()
        {
            if (owner._byDeclaration.TryGetValue(declarationId, out var subscriptions))
                subscriptions.TryRemove(this, out _);
        }
    }
}
