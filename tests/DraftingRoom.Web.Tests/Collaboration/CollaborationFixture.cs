using System.Net;
using DraftingRoom.Web.Proposals;
using DraftingRoom.Web.Tests.Infrastructure;

namespace DraftingRoom.Web.Tests.Collaboration;

/// <summary>Signs demo users in over HTTP and opens proposals for the hub tests.</summary>
public static class CollaborationFixture
{
    public static async Task<CookieContainer> SignInAsync(TestApp app, string email)
    {
        var cookies = new CookieContainer();
        using var client = app.CreateClient(cookies);
        var response = await SignInClient.PostSignInAsync(client, email, Demo.Password);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{email} could not sign in.");
        return cookies;
    }

    /// <summary>A new proposal on the first article of the sample declaration, drafted by <paramref name="sponsorEmail"/>.</summary>
    public static async Task<(Guid ProposalId, Guid DocumentId, string InitialText)> CreateProposalAsync(TestApp app,
        string sponsorEmail = Demo.CivilSociety, params string[] coSponsors)
    {
        var sponsor = await app.SignInAsAsync(sponsorEmail);
        var declarations = app.Service<DraftingRoom.Web.Declarations.DeclarationService>();
        var sample = (await declarations.ListAsync(sponsor)).Single(d => d.IsSample);
        var article = (await declarations.GetAsync(sponsor, sample.Id)).Articles[0];
        var proposals = app.Service<ProposalService>();
        var proposalId = await proposals.CreateAsync(sponsor, article.Id, "Test proposal");
        foreach (var email in coSponsors)
        {
            var userId = (await app.SignInAsAsync(email)).FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
            await proposals.InviteSponsorAsync(sponsor, proposalId, userId);
        }
        var view = await proposals.GetAsync(sponsor, proposalId);
        return (proposalId, view.DocumentId, view.OfficialText);
    }
}
