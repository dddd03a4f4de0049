using System.Security.Claims;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Data;

namespace DraftingRoom.Web.Auditing;

/// <summary>Adds an audit event to the unit of work, so it is saved in the same transaction as the change.</summary>
public static class AuditLog
{
    public static void Record(this DraftingRoomDbContext db, ClaimsPrincipal? actor, string action, string entityType,
        object? entityId, string? summary = null, TimeProvider? clock = null)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            At = (clock ?? TimeProvider.System).GetUtcNow(),
            UserId = actor?.UserId(),
            UserName = actor?.Identity?.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Summary = summary is { Length: > 4000 } ? summary[..4000] : summary,
        });
    }
}
