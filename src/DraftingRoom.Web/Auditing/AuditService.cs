using System.Security.Claims;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Auditing;

public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total);

/// <summary>Lets Admins and the Independent Expert browse the audit log.</summary>
public sealed class AuditService(IDbContextFactory<DraftingRoomDbContext> dbFactory)
{
    public async Task<AuditPage> ListAsync(ClaimsPrincipal actor, string? search, int skip, int take,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanBrowseAudit(), "browse the audit log");
        take = Math.Clamp(take, 1, 200);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.AuditEvents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(e => EF.Functions.ILike(e.Action, pattern) || EF.Functions.ILike(e.UserName ?? "", pattern) ||
                                     EF.Functions.ILike(e.Summary ?? "", pattern));
        }
        var total = await query.CountAsync(ct);
        var events = await query.OrderByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(ct);
        return new AuditPage(events, total);
    }
}
