using System.Security.Claims;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Notifications;

public sealed record NotificationView(long Id, NotificationKind Kind, string Subject, string? ActorName, string Link,
    DateTimeOffset CreatedAt, bool IsRead);

public sealed record NotificationList(IReadOnlyList<NotificationView> Items, int Unread);

/// <summary>Each user's notifications: "your proposal was accepted", "a reply to your comment".</summary>
public sealed class NotificationService(IDbContextFactory<DraftingRoomDbContext> dbFactory, LiveNotifier notifier, TimeProvider clock)
{
    public async Task<NotificationList> ListAsync(ClaimsPrincipal actor, int take = 50, CancellationToken ct = default)
    {
        actor.Demand(actor.IsSignedIn(), "read your notifications");
        var userId = actor.UserId()!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, 200))
            .Select(n => new NotificationView(n.Id, n.Kind, n.Subject, n.ActorName, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
        var unread = await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
        return new NotificationList(items, unread);
    }

    public async Task<int> CountUnreadAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        if (!actor.IsSignedIn()) return 0;
        var userId = actor.UserId()!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    /// <summary>Marks one notification read, or all of the caller's when <paramref name="id"/> is null.</summary>
    public async Task MarkReadAsync(ClaimsPrincipal actor, long? id, CancellationToken ct = default)
    {
        actor.Demand(actor.IsSignedIn(), "read your notifications");
        var userId = actor.UserId()!;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var changed = await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        if (changed > 0) notifier.UserNotified(userId);
    }
}

/// <summary>Adds notifications to a unit of work, so they are saved with the change they tell of.</summary>
public static class NotificationWriter
{
    /// <summary>Queues a notification for each recipient except the actor. Returns who was notified.</summary>
    public static IReadOnlyList<string> Notify(this DraftingRoomDbContext db, IEnumerable<string?> recipients,
        ClaimsPrincipal actor, NotificationKind kind, string subject, string link, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var actorId = actor.UserId();
        var notified = recipients.OfType<string>().Where(r => r != actorId).Distinct().ToList();
        foreach (var userId in notified)
        {
            db.Notifications.Add(new Notification
            {
                UserId = userId, Kind = kind, Subject = subject.Length > 400 ? subject[..400] : subject,
                ActorName = actor.DisplayName(), Link = link, CreatedAt = now,
            });
        }
        return notified;
    }

    /// <summary>Tells the recipients' open pages, once the notifications are saved.</summary>
    public static void Announce(this LiveNotifier notifier, IEnumerable<string> recipients)
    {
        foreach (var userId in recipients) notifier.UserNotified(userId);
    }
}
