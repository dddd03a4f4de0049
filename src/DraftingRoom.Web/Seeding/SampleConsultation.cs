using System.Security.Claims;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Proposals;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Seeding;

/// <summary>
/// A consultation under way on the sample declaration, so that a first visit shows what DraftingRoom is for:
/// comments from States and civil society (one on a span), a reply from the Secretariat, a submitted proposal with
/// its rationale and endorsements, and a delegation's draft. Everything goes through the services, as a user's
/// actions would, with their audit events and notifications.
/// </summary>
public sealed class SampleConsultation(
    DraftingRoomDbContext db,
    UserManager<ApplicationUser> userManager,
    IUserClaimsPrincipalFactory<ApplicationUser> principals,
    CommentService comments,
    ProposalService proposals,
    SubmissionService submissions,
    DocumentRegistry documents,
    ILogger<SampleConsultation> logger)
{
    public async Task SeedAsync(Guid declarationId, CancellationToken ct)
    {
        if (await db.Comments.AnyAsync(c => c.DeclarationId == declarationId, ct)) return;
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.DeclarationId == declarationId && a.Kind == Core.Drafting.ProvisionKind.Article && a.DeletedAt == null)
            .ToDictionaryAsync(a => a.Number!, ct);
        if (!articles.TryGetValue("3", out var article3) || !articles.TryGetValue("6", out var article6) ||
            !articles.TryGetValue("4", out var article4) || !articles.TryGetValue("13", out var article13)) return;

        var amaria = await SignInAsync("amaria@draftingroom.example");
        var nordvall = await SignInAsync("nordvall@draftingroom.example");
        var secretariat = await SignInAsync("secretariat@draftingroom.example");
        var network = await SignInAsync("gsn@draftingroom.example");
        var coalition = await SignInAsync("crd@draftingroom.example");
        var serrania = await SignInAsync("serrania@draftingroom.example");
        var commission = await SignInAsync("nhrc@draftingroom.example");
        if (new[] { amaria, nordvall, secretariat, network, coalition, serrania, commission }.Any(p => p is null)) return;

        await CommentOnWordsAsync(amaria!, article3, "common but differentiated responsibilities",
            "Amaria welcomes the reference to common but differentiated responsibilities and asks that it be kept in any revision of this article.", ct);
        var deletion = await comments.PostAsync(nordvall!, new NewComment(article3.Id, null,
            "Nordvall considers that paragraph 3 brings in a principle of international environmental law whose meaning in human rights law is not settled.\nWe suggest deleting the paragraph, or explaining it in the commentary.", Revision: article3.CurrentRevision), ct);
        await comments.ReplyAsync(secretariat!, deletion,
            "Thank you. The Independent Expert will consider this together with the comments received on Article 8.", ct);
        await CommentOnWordsAsync(network!, article6, "without fear of reprisal",
            "This protection should also cover reprisals by non-State actors. See the Secretary-General's reports on reprisals: https://www.ohchr.org/en/reprisals", ct);
        await comments.PostAsync(commission!, new NewComment(article13.Id, null,
            "National human rights institutions should be named among the actors of follow-up, as in other recent declarations."), ct);

        var proposal = await proposals.CreateAsync(network!, article6.Id, "Protection from reprisals by any actor", ct);
        await proposals.InviteSponsorAsync(network!, proposal, (await userManager.FindByEmailAsync("crd@draftingroom.example"))!.Id, ct);
        await ReplaceAsync(await proposals.GetAsync(network!, proposal, ct), "without fear of reprisal",
            "without fear of reprisal, intimidation or harassment, whether by State or non-State actors", network!, ct);
        await submissions.SubmitAsync(network!, proposal,
            "Reprisals against those who cooperate across borders come from private security firms and armed groups as well as from State officials. The article should protect against all of them.", ct);
        await submissions.EndorseAsync(serrania!, proposal, ct);
        await submissions.EndorseAsync(commission!, proposal, ct);

        var draft = await proposals.CreateAsync(amaria!, article4.Id, "Targeted steps, with international assistance", ct);
        await ReplaceAsync(await proposals.GetAsync(amaria!, draft, ct), "using the resources available to them",
            "individually and with international assistance, using the maximum of resources available to them", amaria!, ct);
        logger.LogInformation("Seeded a consultation under way on the sample declaration");
    }

    private async Task CommentOnWordsAsync(ClaimsPrincipal author, Article article, string words, string body, CancellationToken ct)
    {
        var start = article.Text.IndexOf(words, StringComparison.Ordinal);
        if (start < 0) return;
        await comments.PostAsync(author, new NewComment(article.Id, null, body, start, start + words.Length, article.CurrentRevision), ct);
    }

    private async Task ReplaceAsync(ProposalView proposal, string words, string replacement, ClaimsPrincipal author, CancellationToken ct)
    {
        var (text, revision) = await documents.GetStateAsync(proposal.DocumentId, ct);
        var start = text.IndexOf(words, StringComparison.Ordinal);
        if (start < 0) return;
        var operation = TextOperation.Builder().Retain(start).Delete(words.Length).Insert(replacement)
            .Retain(text.Length - start - words.Length).Build();
        await documents.SubmitAsync(proposal.DocumentId, "sample-consultation", revision + 1, revision, operation, author.FindFirstValue(ClaimTypes.NameIdentifier), ct);
    }

    private async Task<ClaimsPrincipal?> SignInAsync(string email) =>
        await userManager.FindByEmailAsync(email) is { } user ? await principals.CreateAsync(user) : null;
}
