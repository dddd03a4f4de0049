using System.Security.Claims;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Versions;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Auditing;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Live;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Versions;

public sealed record VersionSummary(Guid Id, int Number, string Label, string? Symbol, DateOnly? Date, string? Note,
    bool IsImported, DateTimeOffset PublishedAt, string? PublishedBy, int ArticleCount);

public sealed record NewVersion(string Label, string? Symbol, DateOnly? Date, string? Note);

/// <summary>
/// Published and imported versions of a declaration, and comparisons between any two of them or with the current
/// official text. A version, once saved, never changes.
/// </summary>
public sealed class VersionService(IDbContextFactory<DraftingRoomDbContext> dbFactory, LiveNotifier notifier, TimeProvider clock)
{
    /// <summary>The reference to the current official text in comparisons and permalinks.</summary>
    public const string Current = "current";

    public static bool CanPublish(ClaimsPrincipal user) => user.IsInRole(Roles.IndependentExpert);

    public static bool CanImport(ClaimsPrincipal user) => user.CanEditDeclarations();

    public async Task<IReadOnlyList<VersionSummary>> ListAsync(ClaimsPrincipal actor, Guid declarationId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read versions");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureDeclarationAsync(db, declarationId, ct);
        return await db.DeclarationVersions.AsNoTracking().Where(v => v.DeclarationId == declarationId)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionSummary(v.Id, v.Number, v.Label, v.Symbol, v.Date, v.Note, v.IsImported, v.PublishedAt,
                v.PublishedBy != null ? v.PublishedBy.DisplayName : null,
                v.Provisions.Count(p => p.Kind == ProvisionKind.Article)))
            .ToListAsync(ct);
    }

    /// <summary>Publishes the declaration as it stands now: every provision, its number, title and text.</summary>
    public async Task<Guid> PublishAsync(ClaimsPrincipal actor, Guid declarationId, NewVersion input, CancellationToken ct = default)
    {
        actor.Demand(CanPublish(actor), "publish versions");
        var (label, symbol, note) = Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var declaration = await EnsureDeclarationAsync(db, declarationId, ct);
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.DeclarationId == declarationId && a.DeletedAt == null)
            .OrderBy(a => a.Kind).ThenBy(a => a.Position).ToListAsync(ct);
        if (articles.Count == 0) throw new InvalidInputException("The declaration has no provisions to publish.");
        var version = new DeclarationVersion
        {
            DeclarationId = declarationId, Label = label, Title = declaration.Title, Symbol = symbol ?? declaration.Symbol,
            Date = input.Date, Note = note, PublishedAt = clock.GetUtcNow(), PublishedById = actor.UserId(),
        };
        var position = 0;
        foreach (var article in articles)
            version.Provisions.Add(new VersionProvisionRecord
            {
                Position = ++position, ArticleId = article.Id, Kind = article.Kind, Number = article.Number,
                Title = article.Title, Text = article.Text, ArticleRevision = article.CurrentRevision,
            });
        return await SaveAsync(db, actor, version, "version.published", ct);
    }

    /// <summary>Saves a draft made elsewhere (read and previewed by the import service) as a version.</summary>
    public async Task<Guid> ImportAsync(ClaimsPrincipal actor, Guid declarationId, DraftDocument draft, NewVersion input,
        CancellationToken ct = default)
    {
        actor.Demand(CanImport(actor), "import earlier drafts");
        var (label, symbol, note) = Validate(input);
        if (!draft.Articles.Any()) throw new InvalidInputException("The draft has no articles. Nothing was imported.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureDeclarationAsync(db, declarationId, ct);
        var version = new DeclarationVersion
        {
            DeclarationId = declarationId, Label = label, Title = draft.Title, Symbol = symbol, Date = input.Date, Note = note,
            IsImported = true, PublishedAt = clock.GetUtcNow(), PublishedById = actor.UserId(),
        };
        var position = 0;
        foreach (var provision in draft.Provisions)
            version.Provisions.Add(new VersionProvisionRecord
            {
                Position = ++position, Kind = provision.Kind, Number = provision.Number, Title = provision.Title,
                Text = Declarations.ProvisionText.Normalise(provision.Text),
            });
        return await SaveAsync(db, actor, version, "version.imported", ct);
    }

    /// <summary>A version, or the current official text for <see cref="Current"/>, in the form comparisons use.</summary>
    public async Task<VersionDocument> GetDocumentAsync(ClaimsPrincipal actor, Guid declarationId, string reference,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read versions");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var declaration = await EnsureDeclarationAsync(db, declarationId, ct);
        if (reference == Current)
        {
            var articles = await db.Articles.AsNoTracking()
                .Where(a => a.DeclarationId == declarationId && a.DeletedAt == null)
                .OrderBy(a => a.Kind).ThenBy(a => a.Position).ToListAsync(ct);
            var position = 0;
            return new VersionDocument(declaration.Title, declaration.Symbol, "Current text", null,
                articles.Select(a => new VersionProvision(a.Id, a.Kind, ++position, a.Number, a.Title, a.Text)).ToList());
        }
        if (!Guid.TryParse(reference, out var versionId))
            throw new NotFoundException("This version does not exist.");
        var version = await db.DeclarationVersions.AsNoTracking().Include(v => v.Provisions)
            .FirstOrDefaultAsync(v => v.Id == versionId && v.DeclarationId == declarationId, ct)
            ?? throw new NotFoundException("This version does not exist.");
        return new VersionDocument(version.Title ?? declaration.Title, version.Symbol, version.Label, version.Date,
            version.Provisions.OrderBy(p => p.Position)
                .Select(p => new VersionProvision(p.ArticleId, p.Kind, p.Position, p.Number, p.Title, p.Text)).ToList());
    }

    public async Task<VersionComparison> CompareAsync(ClaimsPrincipal actor, Guid declarationId, string from, string to,
        CancellationToken ct = default)
    {
        var older = await GetDocumentAsync(actor, declarationId, from, ct);
        var newer = await GetDocumentAsync(actor, declarationId, to, ct);
        return VersionComparer.Compare(older, newer);
    }

    private async Task<Guid> SaveAsync(DraftingRoomDbContext db, ClaimsPrincipal actor, DeclarationVersion version,
        string action, CancellationToken ct)
    {
        // Two versions published at once get consecutive numbers: the unique (declaration, number) key decides.
        for (var attempt = 0; ; attempt++)
        {
            version.Number = (await db.DeclarationVersions.Where(v => v.DeclarationId == version.DeclarationId)
                .MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
            db.DeclarationVersions.Add(version);
            db.Record(actor, action, nameof(DeclarationVersion), version.Id,
                $"Version {version.Number}: {version.Label} ({version.Provisions.Count} provisions)", clock);
            try
            {
                await db.SaveChangesAsync(ct);
                notifier.DeclarationChanged(version.DeclarationId);
                return version.Id;
            }
            catch (DbUpdateException exception) when (attempt < 5 &&
                exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Declaration> EnsureDeclarationAsync(DraftingRoomDbContext db, Guid declarationId, CancellationToken ct) =>
        await db.Declarations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == declarationId, ct)
        ?? throw new NotFoundException("This declaration does not exist.");

    private static (string Label, string? Symbol, string? Note) Validate(NewVersion input)
    {
        var label = input.Label?.Trim() ?? "";
        if (label.Length == 0) throw new InvalidInputException("Give the version a label, such as \"Revised draft, March 2027\".");
        if (label.Length > 200) throw new InvalidInputException("The label is too long: at most 200 characters.");
        var symbol = string.IsNullOrWhiteSpace(input.Symbol) ? null : input.Symbol.Trim();
        if (symbol is { Length: > 100 }) throw new InvalidInputException("The document symbol is too long: at most 100 characters.");
        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (note is { Length: > 4000 }) throw new InvalidInputException("The note is too long: at most 4,000 characters.");
        return (label, symbol, note);
    }
}
