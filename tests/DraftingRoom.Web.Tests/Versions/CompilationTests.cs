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
}
