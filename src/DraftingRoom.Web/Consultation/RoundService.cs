using System.Security.Claims;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Auditing;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Consultation;

public sealed record RoundView(Guid Id, string Title, DateTimeOffset OpenedAt, DateTimeOffset ClosesAt,
    DateTimeOffset? ClosedAt, bool IsOpen);

/// <summary>What a declaration's consultation allows now, and why.</summary>
/// <param name="Current">The open round, if any.</param>
/// <param name="Last">The most recent round, open or not.</param>
public sealed record ConsultationState(RoundView? Current, RoundView? Last)
{
    public bool IsOpen => Current is not null;
}

/// <summary>
/// Consultation rounds. The Independent Expert or the Secretariat opens a round on a declaration with a closing date;
/// while it is open, participants may comment, propose and endorse. Reading is never restricted by rounds, and the
/// Independent Expert and the Secretariat, who hold the pen, are not bound by them.
/// </summary>
public sealed class RoundService(IDbContextFactory<DraftingRoomDbContext> dbFactory, LiveNotifier notifier, TimeProvider clock)
{
    public async Task<ConsultationState> GetStateAsync(ClaimsPrincipal actor, Guid declarationId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read declarations");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await StateAsync(db, declarationId, ct);
    }

    public async Task<IReadOnlyList<RoundView>> ListAsync(ClaimsPrincipal actor, Guid declarationId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read declarations");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var rounds = await db.ConsultationRounds.AsNoTracking().Where(r => r.DeclarationId == declarationId)
            .OrderByDescending(r => r.OpenedAt).ToListAsync(ct);
        return rounds.Select(r => View(r, now)).ToList();
    }

    public async Task<Guid> OpenAsync(ClaimsPrincipal actor, Guid declarationId, string? title, DateTimeOffset closesAt,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanManageRounds(), "open consultation rounds");
        var name = title?.Trim() ?? "";
        if (name.Length == 0) throw new InvalidInputException("Give the round a name, such as \"First reading, 2027\".");
        if (name.Length > 300) throw new InvalidInputException("The round's name is too long: at most 300 characters.");
        var now = clock.GetUtcNow();
        if (closesAt <= now) throw new InvalidInputException("The closing date has passed: choose a date in the future.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two people opening a round at once: the row lock makes the second one see the first round.
        var locked = await db.Database
            .SqlQuery<Guid>($"SELECT \"Id\" AS \"Value\" FROM \"Declarations\" WHERE \"Id\" = {declarationId} FOR UPDATE")
            .ToListAsync(ct);
        if (locked.Count == 0) throw new NotFoundException("This declaration does not exist.");
        // The time after the lock: a round opened by whoever held it began after the time taken before waiting.
        now = clock.GetUtcNow();
        if (await OpenRoundAsync(db, declarationId, now, ct) is { } open)
            throw new InvalidInputException($"The round \"{open.Title}\" is already open until {open.ClosesAt:d MMMM yyyy}. Close it before opening another.");

        var round = new ConsultationRound
        {
            DeclarationId = declarationId, Title = name, OpenedAt = now, ClosesAt = closesAt, OpenedById = actor.UserId(),
        };
        db.ConsultationRounds.Add(round);
        db.Record(actor, "round.opened", nameof(ConsultationRound), round.Id, $"{name}, until {closesAt:u}", clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        notifier.DeclarationChanged(declarationId);
        return round.Id;
    }

    public async Task CloseAsync(ClaimsPrincipal actor, Guid roundId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanManageRounds(), "close consultation rounds");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.ConsultationRounds.FirstOrDefaultAsync(r => r.Id == roundId, ct)
            ?? throw new NotFoundException("This consultation round does not exist.");
        var now = clock.GetUtcNow();
        if (!round.IsOpenAt(now)) throw new InvalidInputException("This round is already closed.");
        round.ClosedAt = now;
        round.ClosedById = actor.UserId();
        db.Record(actor, "round.closed", nameof(ConsultationRound), round.Id, round.Title, clock);
        await db.SaveChangesAsync(ct);
        notifier.DeclarationChanged(round.DeclarationId);
    }

    /// <summary>
    /// Refuses, with a message that says why, an action that participants may take only while a round is open.
    /// Returns the open round, or null for those who hold the pen when no round is open.
    /// </summary>
    internal async Task<Guid?> DemandOpenAsync(DraftingRoomDbContext db, ClaimsPrincipal actor, Guid declarationId,
        string action, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await OpenRoundAsync(db, declarationId, now, ct);
        if (open is not null) return open.Id;
        if (actor.HoldsThePen()) return null;
        var last = await db.ConsultationRounds.AsNoTracking().Where(r => r.DeclarationId == declarationId)
            .OrderByDescending(r => r.OpenedAt).FirstOrDefaultAsync(ct);
        throw new RoundClosedException(last is null
            ? $"No consultation round has been opened on this declaration yet, so you cannot {action}. Reading stays open."
            : $"The consultation round \"{last.Title}\" closed on {last.EndsAt:d MMMM yyyy}, so you cannot {action} now. Reading stays open.");
    }

    private async Task<ConsultationState> StateAsync(DraftingRoomDbContext db, Guid declarationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var last = await db.ConsultationRounds.AsNoTracking().Where(r => r.DeclarationId == declarationId)
            .OrderByDescending(r => r.OpenedAt).FirstOrDefaultAsync(ct);
        var open = await OpenRoundAsync(db, declarationId, now, ct);
        return new ConsultationState(open is null ? null : View(open, now), last is null ? null : View(last, now));
    }

    private static Task<ConsultationRound?> OpenRoundAsync(DraftingRoomDbContext db, Guid declarationId,
        DateTimeOffset now, CancellationToken ct) =>
        db.ConsultationRounds.AsNoTracking()
            .Where(r => r.DeclarationId == declarationId && r.ClosedAt == null && r.OpenedAt <= now && r.ClosesAt > now)
            .OrderByDescending(r => r.OpenedAt).FirstOrDefaultAsync(ct);

    private static RoundView View(ConsultationRound round, DateTimeOffset now) =>
        new(round.Id, round.Title, round.OpenedAt, round.ClosesAt, round.ClosedAt, round.IsOpenAt(now));
}

/// <summary>The action needs an open consultation round and there is none. Nothing was stored.</summary>
public sealed class RoundClosedException(string message) : InvalidInputException(message);
