using System.Net;
using System.Text;
using DraftingRoom.Web.Tests.Collaboration;
using DraftingRoom.Web.Tests.Infrastructure;

namespace DraftingRoom.Web.Tests.Versions;

public sealed class CompilationTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private readonly TestApp _app = shared.App;

    [Fact]
    public async Task The_compilation_lists_each_proposal_the_reader_may_see_with_its_organisation_and_status()
    {
        var (proposalId, _, _) = await CollaborationFixture.CreateProposalAsync(_app, Demo.CivilSociety);
        var declarationId = (await _app.Service<DraftingRoom.Web.Proposals.ProposalService>()
            .GetAsync(await _app.SignInAsAsync(Demo.Secretariat), proposalId)).DeclarationId;

        using var secretariat = _app.CreateClient(await CollaborationFixture.SignInAsync(_app, Demo.Secretariat));
        var csv = Encoding.UTF8.GetString(await secretariat.GetByteArrayAsync($"/declarations/{declarationId}/compilation/csv"));
        using var observer = _app.CreateClient(await CollaborationFixture.SignInAsync(_app, Demo.Observer));
        var observersCsv = Encoding.UTF8.GetString(await observer.GetByteArrayAsync($"/declarations/{declarationId}/compilation/csv"));
        var docx = await secretariat.GetAsync($"/declarations/{declarationId}/compilation/docx");

        Assert.Contains("Global Solidarity Network", csv);
        Assert.Contains("Civil society organizations", csv);
        Assert.Contains("Draft", csv);
        // A draft is visible to its sponsors, the Secretariat and the Independent Expert only.
        Assert.DoesNotContain("Global Solidarity Network", observersCsv);
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
    }

    [Fact]
    public async Task Comments_and_replies_join_the_compilation_and_a_round_compiles_only_what_it_received()
    {
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);
        var delegate_ = await _app.SignInAsAsync(Demo.Delegate);
        var declarations = _app.Service<DraftingRoom.Web.Declarations.DeclarationService>();
        var rounds = _app.Service<DraftingRoom.Web.Consultation.RoundService>();
        var comments = _app.Service<DraftingRoom.Web.Comments.CommentService>();
        var declarationId = (await declarations.CreateAsync(secretariat, new("Compiled declaration", null, null)));
        var article = await declarations.AddProvisionAsync(secretariat, declarationId,
            new(DraftingRoom.Core.Drafting.ProvisionKind.Article, null, null, "States shall cooperate in solidarity."));

        var first = await rounds.OpenAsync(secretariat, declarationId, "First round", DateTimeOffset.UtcNow.AddDays(1));
        var early = await comments.PostAsync(delegate_, new(article, null, "Amaria supports this article.", 0, 6));
        await comments.ReplyAsync(secretariat, early, "Thank you, noted.");
        var abusive = await comments.PostAsync(delegate_, new(article, null, "An insult that will be hidden."));
        await comments.HideAsync(secretariat, abusive, "Abusive language");
        await rounds.CloseAsync(secretariat, first);
        var second = await rounds.OpenAsync(secretariat, declarationId, "Second round", DateTimeOffset.UtcNow.AddDays(1));
        await comments.PostAsync(delegate_, new(article, null, "In the second round, Amaria asks for more."));

        using var client = _app.CreateClient(await CollaborationFixture.SignInAsync(_app, Demo.Observer));
        var all = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/declarations/{declarationId}/compilation/csv"));
        var firstOnly = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/declarations/{declarationId}/compilation/csv?round={first}"));
        var secondOnly = Encoding.UTF8.GetString(await client.GetByteArrayAsync($"/declarations/{declarationId}/compilation/csv?round={second}"));
        var unknownRound = await client.GetAsync($"/declarations/{declarationId}/compilation/csv?round={Guid.NewGuid()}");

        Assert.Contains("Amaria supports this article.", all);
        Assert.Contains("On the words “States”", all);
        Assert.Contains("Thank you, noted.", all);
        Assert.Contains("Republic of Amaria", all);
        Assert.Contains("Member States", all);
        Assert.Contains("In the second round", all);
        Assert.DoesNotContain("An insult", all);
        Assert.Contains("Amaria supports this article.", firstOnly);
        Assert.DoesNotContain("In the second round", firstOnly);
        Assert.Contains("In the second round", secondOnly);
        Assert.DoesNotContain("Amaria supports this article.", secondOnly);
        Assert.Equal(HttpStatusCode.NotFound, unknownRound.StatusCode);
    }
}
