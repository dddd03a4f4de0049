using System.Runtime.CompilerServices;
using DraftingRoom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DraftingRoom.Web.Observability;

/// <summary>
/// Counts comments, replies and decisions from the audit events saved with them: every change writes its audit event
/// in the same transaction (Auditing/AuditLog), so an event that reaches the database is a change that happened, and
/// a refused or failed change counts nothing. The services themselves need no metrics code.
/// </summary>
public sealed class AuditMetricsInterceptor(DraftingRoomMetrics metrics) : SaveChangesInterceptor
{
    // What a unit of work is about to save, kept with its context until it is saved or fails.
    private readonly ConditionalWeakTable<DbContext, List<string>> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Report(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        Report(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        var actions = context.ChangeTracker.Entries<AuditEvent>()
            .Where(e => e.State == EntityState.Added && IsCounted(e.Entity.Action))
            .Select(e => e.Entity.Action)
            .ToList();
        if (actions.Count > 0) _pending.AddOrUpdate(context, actions);
        else _pending.Remove(context);
    }

    private void Report(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var actions)) return;
        _pending.Remove(context);
        foreach (var action in actions)
        {
            switch (action)
            {
                case "comment.posted": metrics.CommentPosted(DraftingRoomMetrics.Kinds.Comment); break;
                case "comment.replied": metrics.CommentPosted(DraftingRoomMetrics.Kinds.Reply); break;
                default: metrics.DecisionMade(action["proposal.".Length..]); break;
            }
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }

    private static bool IsCounted(string action) => action is "comment.posted" or "comment.replied"
        or "proposal.accepted" or "proposal.accepted-with-changes" or "proposal.rejected";
}
