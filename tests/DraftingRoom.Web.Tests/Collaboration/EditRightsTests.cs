using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Tests.Collaboration;

public sealed class EditRightsTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_co_sponsor_removed_while_connected_can_no_longer_edit()
    {
        await using var app = await TestApp.StartAsync(postgres, settings => settings["Collaboration:AccessRecheckSeconds"] = "0");
        var (proposalId, documentId, initial) = await CollaborationFixture.CreateProposalAsync(app, Demo.CivilSociety, Demo.SecondDelegate);
        await using var coSponsor = await HubEditor.ConnectAsync(app.BaseAddress,
            await CollaborationFixture.SignInAsync(app, Demo.SecondDelegate), documentId);
        await coSponsor.SubmitRawAsync("co-sponsor", 1, 0, new object[] { "Before. ", initial.Length });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DraftingRoomDbContext>();
            var userId = (await app.SignInAsAsync(Demo.SecondDelegate)).FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value;
            await db.ProposalSponsors.Where(s => s.ProposalId == proposalId && s.UserId == userId).ExecuteDeleteAsync();
        }
        var refusal = await Assert.ThrowsAsync<HubException>(() =>
            coSponsor.SubmitRawAsync("co-sponsor", 2, 1, new object[] { "After. ", initial.Length + 8 }));

        Assert.Contains("not edit", refusal.Message);
        Assert.Equal("Before. " + initial, (await app.Service<DocumentRegistry>().GetStateAsync(documentId)).Text);
    }
}
