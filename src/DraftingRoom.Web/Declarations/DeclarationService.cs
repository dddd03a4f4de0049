using System.Security.Claims;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Auditing;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Live;
using DraftingRoom.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DraftingRoom.Web.Declarations;

/// <summary>
/// Reads declarations and changes their articles. Every method checks the caller's rights itself; every change writes
/// an audit event and, for text, a new article revision, in one transaction.
/// </summary>
public sealed class DeclarationService(
    IDbContextFactory<DraftingRoomDbContext> dbFactory,
    IOptions<DraftingOptions> options,
    LiveNotifier notifier,
    TimeProvider clock)
{
    private readonly DraftingOptions _limits = options.Value;

    public async Task<IReadOnlyList<DeclarationSummary>> ListAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read declarations");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Declarations
            .OrderByDescending(d => d.CreatedAt)
            .Select(d => new DeclarationSummary(d.Id, d.Title, d.Symbol, d.IsSample,
                d.Articles.Count(a => a.DeletedAt == null && a.Kind == ProvisionKind.PreambularParagraph),
                d.Articles.Count(a => a.DeletedAt == null && a.Kind == ProvisionKind.Article),
                d.CreatedAt))
            .ToListAsync(ct);
    }

    public async Task<DeclarationView> GetAsync(ClaimsPrincipal actor, Guid declarationId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read declarations");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var declaration = await db.Declarations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == declarationId, ct)
            ?? throw new NotFoundException("This declaration does not exist.");
        var provisions = await db.Articles.AsNoTracking()
            .Where(a => a.DeclarationId == declarationId && a.DeletedAt == null)
            .OrderBy(a => a.Kind).ThenBy(a => a.Position)
            .Select(a => new ProvisionView(a.Id, a.Kind, a.Position, a.Number, a.Title, a.Text, a.CurrentRevision))
            .ToListAsync(ct);
        return new DeclarationView(declaration.Id, declaration.Title, declaration.Symbol, declaration.Description,
            declaration.IsSample,
            provisions.Where(p => p.Kind == ProvisionKind.PreambularParagraph).ToList(),
            provisions.Where(p => p.Kind == ProvisionKind.Article).ToList());
    }

    public async Task<Guid> CreateAsync(ClaimsPrincipal actor, NewDeclaration input, CancellationToken ct = default)
    {
        actor.Demand(actor.CanEditDeclarations(), "create declarations");
        var (title, symbol, description) = ValidateDetails(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var declaration = new Declaration
        {
            Title = title, Symbol = symbol, Description = description,
            CreatedAt = clock.GetUtcNow(), CreatedById = actor.UserId(),
        };
        db.Declarations.Add(declaration);
        db.Record(actor, "declaration.created", nameof(Declaration), declaration.Id, title, clock);
        await db.SaveChangesAsync(ct);
        return declaration.Id;
    }

    public async Task UpdateDetailsAsync(ClaimsPrincipal actor, Guid declarationId, NewDeclaration input,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanEditDeclarations(), "edit declarations");
        var (title, symbol, description) = ValidateDetails(input);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var declaration = await db.Declarations.FirstOrDefaultAsync(d => d.Id == declarationId, ct)
            ?? throw new NotFoundException("This declaration does not exist.");
        declaration.Title = title;
        declaration.Symbol = symbol;
        declaration.Description = description;
        db.Record(actor, "declaration.updated", nameof(Declaration), declaration.Id, title, clock);
        await db.SaveChangesAsync(ct);
        notifier.DeclarationChanged(declarationId);
    }

    public async Task<Guid> AddProvisionAsync(ClaimsPrincipal actor, Guid declarationId, NewProvision input,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanEditDeclarations(), "add articles");
        var text = ValidateText(input.Text);
        var title = ValidateTitle(input.Title);
        var number = input.Kind == ProvisionKind.Article ? ValidateNumber(input.Number) : null;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Declarations.AnyAsync(d => d.Id == declarationId, ct))
            throw new NotFoundException("This declaration does not exist.");
        var siblings = db.Articles.Where(a => a.DeclarationId == declarationId && a.Kind == input.Kind && a.DeletedAt == null);
        if (number is null && input.Kind == ProvisionKind.Article)
            number = ((await siblings.CountAsync(ct)) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (number is not null && await siblings.AnyAsync(a => a.Number == number, ct))
            throw new InvalidInputException($"There is already an Article {number}. Choose another number or renumber the articles.");
        var position = (await siblings.MaxAsync(a => (int?)a.Position, ct) ?? 0) + 1;
        var now = clock.GetUtcNow();
        var article = new Article
        {
            DeclarationId = declarationId, Kind = input.Kind, Position = position, Number = number, Title = title,
            Text = text, CurrentRevision = 1,
        };
        article.Revisions.Add(new ArticleRevision
        {
            Number = 1, Text = text, Title = title, AuthorId = actor.UserId(), CreatedAt = now, Reason = "Added",
        });
        db.Articles.Add(article);
        db.Record(actor, "article.added", nameof(Article), article.Id, Describe(article), clock);
        await db.SaveChangesAsync(ct);
        notifier.DeclarationChanged(declarationId);
        return article.Id;
    }

    /// <summary>Changes an article's title or text. A changed text becomes the article's next revision.</summary>
    public async Task<int> EditProvisionAsync(ClaimsPrincipal actor, Guid articleId, ProvisionEdit input,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanEditDeclarations(), "edit articles");
        var text = ValidateText(input.Text);
        var title = ValidateTitle(input.Title);
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0) throw new InvalidInputException("Say why the text changes: the reason is kept in the article's history.");
        if (reason.Length > 2000) throw new InvalidInputException("The reason is too long: at most 2,000 characters.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await FindArticleAsync(db, articleId, ct);
        if (article.Text == text && article.Title == title) return article.CurrentRevision;
        var next = article.CurrentRevision + 1;
        var notified = await Comments.OfficialTextAnchors.RemapAsync(db, article.Id, article.Text, article.CurrentRevision,
            text, next, Describe(article), actor, clock, ct);
        article.Text = text;
        article.Title = title;
        article.CurrentRevision = next;
        db.ArticleRevisions.Add(new ArticleRevision
        {
            ArticleId = article.Id, Number = next, Text = text, Title = title, AuthorId = actor.UserId(),
            CreatedAt = clock.GetUtcNow(), Reason = reason,
        });
        db.Record(actor, "article.revised", nameof(Article), article.Id, $"{Describe(article)}: revision {next}. {reason}", clock);
        await SaveAsync(db, ct);
        notifier.DeclarationChanged(article.DeclarationId);
        notifier.Announce(notified);
        return next;
    }

    /// <summary>Swaps an article with its neighbour of the same kind. Numbers stay; renumber to follow the new order.</summary>
    public async Task MoveProvisionAsync(ClaimsPrincipal actor, Guid articleId, MoveDirection direction,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanEditDeclarations(), "reorder articles");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await FindArticleAsync(db, articleId, ct);
        var siblings = db.Articles.Where(a => a.DeclarationId == article.DeclarationId && a.Kind == article.Kind &&
                                              a.DeletedAt == null && a.Id != article.Id);
        var neighbour = direction == MoveDirection.Up
            ? await siblings.Where(a => a.Position < article.Position).OrderByDescending(a => a.Position).FirstOrDefaultAsync(ct)
            : await siblings.Where(a => a.Position > article.Position).OrderBy(a => a.Position).FirstOrDefaultAsync(ct);
        if (neighbour is null) return;
        (article.Position, neighbour.Position) = (neighbour.Position, article.Position);
        db.Record(actor, "article.moved", nameof(Article), article.Id,
            $"{Describe(article)} moved {direction.ToString().ToLowerInvariant()}", clock);
        await SaveAsync(db, ct);
        notifier.DeclarationChanged(article.DeclarationId);
    }

    /// <summary>Numbers the operative articles 1, 2, 3… in their present order.</summary>
    public async Task RenumberAsync(ClaimsPrincipal actor, Guid declarationId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanEditDeclarations(), "renumber articles");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var articles = await db.Articles
            .Where(a => a.DeclarationId == declarationId && a.Kind == ProvisionKind.Article && a.DeletedAt == null)
            .OrderBy(a => a.Position).ToListAsync(ct);
        var changes = 0;
        for (var i = 0; i < articles.Count; i++)
        {
            var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (articles[i].Number == number) continue;
            articles[i].Number = number;
            changes++;
        }
        if (changes == 0) return;
        db.Record(actor, "declaration.renumbered", nameof(Declaration), declarationId, $"{changes} articles renumbered", clock);
        await SaveAsync(db, ct);
        notifier.DeclarationChanged(declarationId);
    }

    /// <summary>Gives one article a number of the editor's choice ("3 bis", say).</summary>
    public async Task SetNumberAsync(ClaimsPrincipal actor, Guid articleId, string number, CancellationToken ct = default)
    {
        actor.Demand(actor.CanEditDeclarations(), "renumber articles");
        var label = ValidateNumber(number) ?? throw new InvalidInputException("Give the article a number.");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await FindArticleAsync(db, articleId, ct);
        if (article.Kind != ProvisionKind.Article) throw new InvalidInputException("Preambular paragraphs have no number.");
        if (await db.Articles.AnyAsync(a => a.DeclarationId == article.DeclarationId && a.Kind == ProvisionKind.Article &&
                                            a.DeletedAt == null && a.Id != articleId && a.Number == label, ct))
            throw new InvalidInputException($"There is already an Article {label}.");
        var old = article.Number;
        article.Number = label;
        db.Record(actor, "article.renumbered", nameof(Article), article.Id, $"Article {old} is now Article {label}", clock);
        await SaveAsync(db, ct);
        notifier.DeclarationChanged(article.DeclarationId);
    }

    /// <summary>Removes an article from the declaration. Its history is kept.</summary>
    public async Task DeleteProvisionAsync(ClaimsPrincipal actor, Guid articleId, CancellationToken ct = default)
    {
        actor.Demand(actor.CanEditDeclarations(), "delete articles");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var article = await FindArticleAsync(db, articleId, ct);
        article.DeletedAt = clock.GetUtcNow();
        db.Record(actor, "article.deleted", nameof(Article), article.Id, Describe(article), clock);
        await SaveAsync(db, ct);
        notifier.DeclarationChanged(article.DeclarationId);
    }

    public async Task<IReadOnlyList<RevisionView>> GetHistoryAsync(ClaimsPrincipal actor, Guid articleId,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanRead(), "read declarations");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ArticleRevisions.Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number)
            .Select(r => new RevisionView(r.Number, r.Text, r.Title, r.Author != null ? r.Author.DisplayName : null,
                r.CreatedAt, r.Reason, r.ProposalId, r.Proposal != null ? r.Proposal.Title : null, r.DecisionNote))
            .ToListAsync(ct);
    }

    internal string ValidateText(string? input)
    {
        var text = ProvisionText.Normalise(input ?? "");
        if (text.Length == 0) throw new InvalidInputException("The text is empty. Write the text of the article.");
        if (text.Length > _limits.MaxArticleLength)
            throw new InvalidInputException(
                $"The text is too long: {text.Length:N0} characters, and an article may have at most {_limits.MaxArticleLength:N0}.");
        if (text.Contains('\0')) throw new InvalidInputException("The text contains a NUL character, which cannot be stored.");
        return text;
    }

    private static string? ValidateTitle(string? input)
    {
        var title = input?.Trim();
        if (string.IsNullOrEmpty(title)) return null;
        if (title.Length > 300) throw new InvalidInputException("The title is too long: at most 300 characters.");
        return title;
    }

    private static string? ValidateNumber(string? input)
    {
        var number = input?.Trim();
        if (string.IsNullOrEmpty(number)) return null;
        if (number.StartsWith("Article ", StringComparison.OrdinalIgnoreCase)) number = number[8..].Trim();
        if (number.Length > 20 || !number.Any(char.IsLetterOrDigit))
            throw new InvalidInputException("An article number is short, such as \"4\" or \"4 bis\".");
        return number;
    }

    private static (string Title, string? Symbol, string? Description) ValidateDetails(NewDeclaration input)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0) throw new InvalidInputException("Give the declaration a title.");
        if (title.Length > 300) throw new InvalidInputException("The title is too long: at most 300 characters.");
        var symbol = string.IsNullOrWhiteSpace(input.Symbol) ? null : input.Symbol.Trim();
        if (symbol is { Length: > 100 }) throw new InvalidInputException("The document symbol is too long: at most 100 characters.");
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description is { Length: > 4000 }) throw new InvalidInputException("The description is too long: at most 4,000 characters.");
        return (title, symbol, description);
    }

    private static async Task<Article> FindArticleAsync(DraftingRoomDbContext db, Guid articleId, CancellationToken ct) =>
        await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId && a.DeletedAt == null, ct)
        ?? throw new NotFoundException("This article does not exist or was deleted.");

    private static async Task SaveAsync(DraftingRoomDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException exception) when (exception is DbUpdateConcurrencyException ||
                                                  exception.InnerException is Npgsql.PostgresException { SqlState: "23505" })
        {
            throw new ConflictException("Someone else changed this article meanwhile. Nothing was saved: reload it and try again.");
        }
    }

    internal static string Describe(Article article) =>
        article.Kind == ProvisionKind.Article ? $"Article {article.Number}" : $"Preambular paragraph {article.Position}";
}
