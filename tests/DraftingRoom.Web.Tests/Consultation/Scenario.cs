using System.Security.Claims;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Consultation;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Decisions;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Notifications;
using DraftingRoom.Web.Proposals;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Tests.Consultation;

/// <summary>
/// Builds the situations the consultation tests start from, on one app: a declaration of its own with an open round
/// (so closing it touches no other test), proposals with a changed text, submitted proposals, comments.
/// </summary>
public sealed class Scenario(TestApp app)
{
    public const string ArticleText = "1. States shall cooperate to realise the right to international solidarity.\n\n" +
                                      "2. Everyone is entitled to take part in that cooperation.";

    public TestApp App => app;
    public CommentService Comments => app.Service<CommentService>();
    public ProposalService Proposals => app.Service<ProposalService>();
    public SubmissionService Submissions => app.Service<SubmissionService>();
    public DecisionService Decisions => app.Service<DecisionService>();
    public RoundService Rounds => app.Service<RoundService>();
    public NotificationService Notifications => app.Service<NotificationService>();
    public DeclarationService Declarations => app.Service<DeclarationService>();
    public DocumentRegistry Registry => app.Service<DocumentRegistry>();

    public Task<ClaimsPrincipal> As(string email) => app.SignInAsAsync(email);

    public static string UserId(ClaimsPrincipal user) => user.UserId()!;

    /// <summary>Runs <paramref name="call"/> on the thread pool, so that several run at once; returns what it threw.</summary>
    public static async Task<Exception?> AttemptAsync(Func<Task> call)
    {
        try
        {
            await Task.Run(call);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    /// <summary>A new declaration with one article per text and, unless told otherwise, an open round.</summary>
    public async Task<(Guid DeclarationId, Guid[] Articles)> DeclarationAsync(bool openRound = true, params string[] texts)
    {
        if (texts.Length == 0) texts = [ArticleText];
        var secretariat = await As(Demo.Secretariat);
        var id = await Declarations.CreateAsync(secretariat, new NewDeclaration($"Consultation test {Guid.NewGuid():N}", null, null));
        var articles = new Guid[texts.Length];
        for (var i = 0; i < texts.Length; i++)
            articles[i] = await Declarations.AddProvisionAsync(secretariat, id,
                new NewProvision(ProvisionKind.Article, null, $"Title {i + 1}", texts[i]));
        if (openRound) await Rounds.OpenAsync(secretariat, id, "First reading", DateTimeOffset.UtcNow.AddDays(30));
        return (id, articles);
    }

    public async Task<Guid> ArticleAsync(bool openRound = true, string text = ArticleText) =>
        (await DeclarationAsync(openRound, text)).Articles[0];

    public async Task CloseRoundAsync(Guid declarationId)
    {
        var secretariat = await As(Demo.Secretariat);
        var state = await Rounds.GetStateAsync(secretariat, declarationId);
        await Rounds.CloseAsync(secretariat, state.Current!.Id);
    }

    public async Task<Guid> DeclarationOfAsync(Guid articleId)
    {
        await using var db = await DbAsync();
        return await db.Articles.Where(a => a.Id == articleId).Select(a => a.DeclarationId).SingleAsync();
    }

    /// <summary>A draft proposal on the article whose text, when given, replaces the official one.</summary>
    public async Task<Guid> DraftAsync(string sponsorEmail, Guid articleId, string? text = null, params string[] coSponsors)
    {
        var sponsor = await As(sponsorEmail);
        var id = await Proposals.CreateAsync(sponsor, articleId, "Test proposal");
        foreach (var email in coSponsors)
            await Proposals.InviteSponsorAsync(sponsor, id, UserId(await As(email)));
        if (text is not null) await SetTextAsync(id, text, UserId(sponsor));
        return id;
    }

    /// <summary>A submitted proposal whose text is <paramref name="text"/>.</summary>
    public async Task<Guid> SubmittedAsync(string sponsorEmail, Guid articleId, string text, params string[] coSponsors)
    {
        var id = await DraftAsync(sponsorEmail, articleId, text, coSponsors);
        await Submissions.SubmitAsync(await As(sponsorEmail), id, "Because the wording is clearer.");
        return id;
    }

    /// <summary>Replaces a draft's live text with one operation, as an editor would send it.</summary>
    public async Task SetTextAsync(Guid proposalId, string text, string? userId = null)
    {
        var documentId = await DocumentOfAsync(proposalId);
        var (current, revision) = await Registry.GetStateAsync(documentId);
        await Registry.SubmitAsync(documentId, Guid.NewGuid().ToString("N"), 1, revision, Replace(current, text), userId);
    }

    public async Task<Guid> DocumentOfAsync(Guid proposalId)
    {
        await using var db = await DbAsync();
        return await db.Proposals.Where(p => p.Id == proposalId).Select(p => p.DocumentId).SingleAsync();
    }

    /// <summary>The smallest single replacement turning <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static TextOperation Replace(string from, string to)
    {
        var prefix = 0;
        while (prefix < from.Length && prefix < to.Length && from[prefix] == to[prefix]) prefix++;
        var suffix = 0;
        while (suffix < from.Length - prefix && suffix < to.Length - prefix && from[^(suffix + 1)] == to[^(suffix + 1)]) suffix++;
        var builder = TextOperation.Builder();
        if (prefix > 0) builder.Retain(prefix);
        if (from.Length - prefix - suffix > 0) builder.Delete(from.Length - prefix - suffix);
        if (to.Length - prefix - suffix > 0) builder.Insert(to[prefix..^suffix]);
        if (suffix > 0) builder.Retain(suffix);
        return builder.Build();
    }

    public static TextOperation InsertAt(string text, int position, string insert) =>
        TextOperation.Builder().Retain(position).Insert(insert).Retain(text.Length - position).Build();

    public async Task<Guid> CommentAsync(string authorEmail, Guid articleId, string body = "A comment.", int? start = null,
        int? end = null, Guid? proposalId = null) =>
        await Comments.PostAsync(await As(authorEmail), new NewComment(articleId, proposalId, body, start, end));

    /// <summary>A comment, root or reply, as <paramref name="readerEmail"/> sees it in the list of its declaration.</summary>
    public async Task<CommentView> FindCommentAsync(string readerEmail, Guid commentId)
    {
        var reader = await As(readerEmail);
        await using var db = await DbAsync();
        var declarationId = await db.Comments.Where(c => c.Id == commentId).Select(c => c.DeclarationId).SingleAsync();
        var threads = await Comments.ListAsync(reader, new CommentFilter(declarationId));
        return threads.SelectMany(t => t.Replies.Prepend(t.Root)).Single(c => c.Id == commentId);
    }

    public async Task<DraftingRoomDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<DraftingRoomDbContext>>().CreateDbContextAsync();

    public async Task<List<string>> AuditActionsAsync(Guid entityId)
    {
        await using var db = await DbAsync();
        return await db.AuditEvents.Where(e => e.EntityId == entityId.ToString()).OrderBy(e => e.Id)
            .Select(e => e.Action).ToListAsync();
    }

    public async Task<Guid> OrganisationIdAsync(string name)
    {
        await using var db = await DbAsync();
        return await db.Organisations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>
    /// Everything the consultation stores, row by row where rows can change, counted where they only accumulate: two
    /// snapshots are equal when a refused call stored nothing.
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        await using var db = await DbAsync();
        var comments = await db.Comments.OrderBy(c => c.Id)
            .Select(c => $"{c.Id}:{c.Body}:{c.Status}:{c.HiddenAt}:{c.HiddenReason}:{c.EditedAt}:{c.AnchorStart}-{c.AnchorEnd}:{c.AnchorRevision}:{c.AnchorOutdated}")
            .ToListAsync();
        var proposals = await db.Proposals.OrderBy(p => p.Id)
            .Select(p => $"{p.Id}:{p.Status}:{p.SubmittedText}:{p.Rationale}:{p.DecidedAt}:{p.DecisionNote}:{p.ResultingRevision}:{p.WithdrawnAt}")
            .ToListAsync();
        var articles = await db.Articles.OrderBy(a => a.Id).Select(a => $"{a.Id}:{a.CurrentRevision}:{a.Text}").ToListAsync();
        var rounds = await db.ConsultationRounds.OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.ClosesAt}:{r.ClosedAt}").ToListAsync();
        var counts = new[]
        {
            await db.CommentEdits.CountAsync(), await db.ProposalSponsors.CountAsync(), await db.ProposalEndorsements.CountAsync(),
            await db.ArticleRevisions.CountAsync(), await db.AuditEvents.CountAsync(), await db.Notifications.CountAsync(),
            await db.DocumentOperations.CountAsync(), await db.DeclarationVersions.CountAsync(), await db.Users.CountAsync(),
            await db.Organisations.CountAsync(), await db.Declarations.CountAsync(), await db.UserRoles.CountAsync(),
        };
        return string.Join("\n", comments.Concat(proposals).Concat(articles).Concat(rounds).Append(string.Join(",", counts)));
    }
}
