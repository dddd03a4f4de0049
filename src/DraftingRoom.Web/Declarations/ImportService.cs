using System.Security.Claims;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Import;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Auditing;
using DraftingRoom.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DraftingRoom.Web.Declarations;

/// <summary>
/// Turns an uploaded draft (Markdown, plain text or Word) into a declaration: first a preview of the provisions found,
/// then, once the user confirms, one transaction that saves all of them or none.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<DraftingRoomDbContext> dbFactory,
    IOptions<DraftingOptions> options,
    TimeProvider clock)
{
    private readonly DraftingOptions _limits = options.Value;

    public long MaxUploadBytes => _limits.MaxUploadBytes;

    /// <summary>Reads the file and returns what it holds. Nothing is saved.</summary>
    /// <exception cref="InvalidInputException">The file is too large, of an unsupported kind, or cannot be parsed.</exception>
    public async Task<DraftDocument> PreviewAsync(ClaimsPrincipal actor, string fileName, Stream content,
        CancellationToken ct = default)
    {
        actor.Demand(actor.CanEditDeclarations(), "import drafts");
        // Copy into memory within the limit: the upload stream may be unseekable and must not be trusted for its length.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > _limits.MaxUploadBytes)
                throw new InvalidInputException(
                    $"The file is larger than the limit of {_limits.MaxUploadBytes / (1024 * 1024):N0} MB. Nothing was imported.");
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        try
        {
            return DraftImporter.Parse(fileName, buffer, new DraftImportOptions(_limits.MaxArticleLength));
        }
        catch (DraftImportException exception)
        {
            throw new InvalidInputException($"{exception.Message} Nothing was imported.");
        }
    }

    /// <summary>Saves a previewed draft as a new declaration, all provisions in one transaction.</summary>
    public async Task<Guid> SaveAsync(ClaimsPrincipal actor, DraftDocument draft, string title, string? symbol,
        CancellationToken ct = default) =>
        await SaveCoreAsync(actor, draft, title, symbol, isSample: false, ct);

    internal async Task<Guid> SaveCoreAsync(ClaimsPrincipal? actor, DraftDocument draft, string title, string? symbol,
        bool isSample, CancellationToken ct)
    {
        if (actor is not null) actor.Demand(actor.CanEditDeclarations(), "import drafts");
        title = title?.Trim() ?? "";
        if (title.Length == 0) throw new InvalidInputException("Give the declaration a title.");
        if (title.Length > 300) throw new InvalidInputException("The title is too long: at most 300 characters.");
        if (!draft.Articles.Any()) throw new InvalidInputException("The draft has no articles. Nothing was imported.");

        var now = clock.GetUtcNow();
        var declaration = new Declaration
        {
            Title = title, Symbol = string.IsNullOrWhiteSpace(symbol) ? null : symbol.Trim(), IsSample = isSample,
            CreatedAt = now, CreatedById = actor?.UserId(),
        };
        var position = 0;
        foreach (var provision in draft.Provisions)
        {
            var text = ProvisionText.Normalise(provision.Text);
            if (text.Length == 0)
                throw new InvalidInputException($"{Label(provision)} has no text. Nothing was imported.");
            if (text.Contains('\0'))
                throw new InvalidInputException($"{Label(provision)} contains a NUL character, which cannot be stored. Nothing was imported.");
            if (text.Length > _limits.MaxArticleLength)
                throw new InvalidInputException(
                    $"{Label(provision)} is too long: {text.Length:N0} characters, and an article may have at most {_limits.MaxArticleLength:N0}. Nothing was imported.");
            var article = new Article
            {
                Kind = provision.Kind,
                Position = ++position,
                Number = provision.Kind == ProvisionKind.Article ? provision.Number : null,
                Title = string.IsNullOrWhiteSpace(provision.Title) ? null : provision.Title.Trim(),
                Text = text,
                CurrentRevision = 1,
            };
            article.Revisions.Add(new ArticleRevision
            {
                Number = 1, Text = text, Title = article.Title, AuthorId = actor?.UserId(), CreatedAt = now,
                Reason = isSample ? "Sample text" : "Imported",
            });
            declaration.Articles.Add(article);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Declarations.Add(declaration);
        db.Record(actor, isSample ? "declaration.sample-seeded" : "declaration.imported", nameof(Declaration),
            declaration.Id, $"{title}: {draft.Preamble.Count()} preambular paragraphs, {draft.Articles.Count()} articles", clock);
        await db.SaveChangesAsync(ct);
        return declaration.Id;
    }

    private static string Label(DraftProvision provision) => provision.Kind == ProvisionKind.Article
        ? $"Article {provision.Number} (line {provision.SourceLine})"
        : $"The preambular paragraph at line {provision.SourceLine}";
}
