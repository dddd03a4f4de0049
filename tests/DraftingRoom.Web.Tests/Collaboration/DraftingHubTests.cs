using DraftingRoom.Core.Collaboration;
using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Tests.Collaboration;

public sealed class DraftingHubTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TestApp _app = shared.App;

    private static TextOperation InsertAt(string text, int position, string insert) =>
        TextOperation.Builder().Retain(position).Insert(insert).Retain(text.Length - position).Build();

    private async Task<HubEditor> ConnectAsync(string email, Guid documentId) =>
        await HubEditor.ConnectAsync(_app.BaseAddress, await CollaborationFixture.SignInAsync(_app, email), documentId);

    private async Task<string> StoredTextAsync(Guid documentId) =>
        (await _app.Service<DocumentRegistry>().GetStateAsync(documentId)).Text;

    private async Task<int> StoredOperationCountAsync(Guid documentId)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingRoomDbContext>();
        return await db.DocumentOperations.CountAsync(o => o.DocumentId == documentId);
    }

    [Fact]
    public async Task Two_sponsors_typing_at_once_end_with_the_text_the_server_stored()
    {
        var (_, documentId, _) = await CollaborationFixture.CreateProposalAsync(_app, Demo.CivilSociety, Demo.SecondDelegate);
        await using var first = await ConnectAsync(Demo.CivilSociety, documentId);
        await using var second = await ConnectAsync(Demo.SecondDelegate, documentId);
        var seed = Environment.TickCount;
        var random = new Random(seed);

        for (var i = 0; i < 150; i++)
        {
            var editor = i % 2 == 0 ? first : second;
            await editor.EditAsync(text => RandomEdits.Next(random, text));
            if (random.Next(4) == 0) await Task.Delay(random.Next(3));
        }
        await first.WaitUntilSynchronizedAsync(Timeout);
        await second.WaitUntilSynchronizedAsync(Timeout);
        // An editor's own edits are acknowledged at once; the other's last ones reach it with the document's next
        // broadcast, which can come a moment later.
        var (stored, revision) = await _app.Service<DocumentRegistry>().GetStateAsync(documentId);
        await RandomEdits.WaitForAsync(() => first.Revision == revision && second.Revision == revision, Timeout,
            () => $"seed {seed}: the editors are at revisions {first.Revision} and {second.Revision}, the server at {revision}");

        Assert.True(first.Text == stored, $"seed {seed}: the first editor differs from the server");
        Assert.True(second.Text == stored, $"seed {seed}: the second editor differs from the server");
        // Edits made while one was in flight travel together, so the log has at most one operation per edit.
        Assert.InRange(await StoredOperationCountAsync(documentId), 1, 150);
    }

    [Fact]
    public async Task A_colleague_of_the_sponsor_watches_live_but_cannot_edit()
    {
        var (_, documentId, initial) = await CollaborationFixture.CreateProposalAsync(_app, Demo.Delegate);
        await using var sponsor = await ConnectAsync(Demo.Delegate, documentId);
        await using var watcher = await ConnectAsync(Demo.DelegateColleague, documentId);

        Assert.True(sponsor.CanEdit);
        Assert.False(watcher.CanEdit);
        await sponsor.EditAsync(text => InsertAt(text, 0, "Live: "));
        await sponsor.WaitUntilSynchronizedAsync(Timeout);
        await WaitForAsync(() => watcher.Text == "Live: " + initial);

        var refusal = await Assert.ThrowsAsync<HubException>(() =>
            watcher.SubmitRawAsync("watcher", 1, watcher.Revision, new object[] { "Sneaky ", watcher.Text.Length }));
        Assert.Contains("watch", refusal.Message);
        Assert.Equal("Live: " + initial, await StoredTextAsync(documentId));
    }

    [Fact]
    public async Task Someone_outside_the_draft_cannot_join_it()
    {
        var (_, documentId, _) = await CollaborationFixture.CreateProposalAsync(_app, Demo.Delegate);

        var refusal = await Assert.ThrowsAsync<HubException>(() => ConnectAsync(Demo.Observer, documentId));

        Assert.Contains("may not see it", refusal.Message);
    }

    [Fact]
    public async Task An_anonymous_caller_gets_nothing()
    {
        var (_, documentId, _) = await CollaborationFixture.CreateProposalAsync(_app);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => HubEditor.ConnectAsync(_app.BaseAddress, null, documentId));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task A_resent_operation_is_applied_once()
    {
        var (_, documentId, initial) = await CollaborationFixture.CreateProposalAsync(_app);
        await using var editor = await ConnectAsync(Demo.CivilSociety, documentId);
        var operation = new object[] { "Once. ", initial.Length };

        var first = await editor.SubmitRawAsync("resender", 1, 0, operation);
        var again = await editor.SubmitRawAsync("resender", 1, 0, operation);

        Assert.Equal(first.Revision, again.Revision);
        Assert.Equal("Once. " + initial, await StoredTextAsync(documentId));
        Assert.Equal(1, await StoredOperationCountAsync(documentId));
    }

    public static TheoryData<string, string> BadOperations() => new()
    {
        { "malformed", "[0]" },
        { "malformed", "[\"x\", true]" },
        { "malformed", "{\"retain\": 3}" },
        { "longer than the document", "[1000000]" },
        { "future revision", "future" },
        { "over 64 KB", "huge" },
    };

    [Theory]
    [MemberData(nameof(BadOperations))]
    public async Task A_bad_operation_gets_a_clear_error_and_changes_nothing_for_anyone(string kind, string payload)
    {
        var (_, documentId, initial) = await CollaborationFixture.CreateProposalAsync(_app, Demo.CivilSociety, Demo.SecondDelegate);
        await using var culprit = await ConnectAsync(Demo.CivilSociety, documentId);
        await using var bystander = await ConnectAsync(Demo.SecondDelegate, documentId);
        object operation = payload switch
        {
            "future" => new object[] { "x", initial.Length },
            "huge" => new object[] { new string('a', 70 * 1024), initial.Length },
            _ => System.Text.Json.JsonDocument.Parse(payload).RootElement,
        };
        var baseRevision = payload == "future" ? 99 : 0;

        var refusal = await Assert.ThrowsAsync<HubException>(() => culprit.SubmitRawAsync("culprit", 1, baseRevision, operation));

        Assert.False(string.IsNullOrWhiteSpace(refusal.Message), kind);
        Assert.Equal(HubConnectionState.Connected, culprit.ConnectionState);
        Assert.Equal(initial, await StoredTextAsync(documentId));
        Assert.Equal(0, await StoredOperationCountAsync(documentId));
        // The bystander, and the culprit's next good change, go through as before.
        await bystander.EditAsync(text => InsertAt(text, 0, "Still fine. "));
        await bystander.WaitUntilSynchronizedAsync(Timeout);
        await WaitForAsync(() => culprit.Text == "Still fine. " + initial);
        Assert.Equal("Still fine. " + initial, await StoredTextAsync(documentId));
    }

    [Fact]
    public async Task A_flood_of_operations_from_one_client_is_slowed_down_without_losing_the_document()
    {
        var (_, documentId, initial) = await CollaborationFixture.CreateProposalAsync(_app);
        await using var editor = await ConnectAsync(Demo.CivilSociety, documentId);

        var attempts = Enumerable.Range(1, 200).Select(async i =>
        {
            try
            {
                await editor.SubmitRawAsync("flooder", i, 0, new object[] { "!", initial.Length });
                return true;
            }
            catch (HubException exception)
            {
                Assert.Contains("Too many changes too fast", exception.Message);
                return false;
            }
        });
        var results = await Task.WhenAll(attempts);

        Assert.Contains(false, results);
        var accepted = results.Count(r => r);
        Assert.Equal(accepted, await StoredOperationCountAsync(documentId));
        Assert.Equal(new string('!', accepted) + initial, await StoredTextAsync(documentId));
    }

    [Fact]
    public async Task An_editor_that_reconnects_catches_up_and_resends_what_was_not_acknowledged()
    {
        var (_, documentId, initial) = await CollaborationFixture.CreateProposalAsync(_app, Demo.CivilSociety, Demo.SecondDelegate);
        await using var steady = await ConnectAsync(Demo.CivilSociety, documentId);
        await using var travelling = await ConnectAsync(Demo.SecondDelegate, documentId);

        await travelling.StopAsync();
        await steady.EditAsync(text => InsertAt(text, 0, "While you were away. "));
        await travelling.EditAsync(text => InsertAt(text, text.Length, " Typed offline."));
        await steady.WaitUntilSynchronizedAsync(Timeout);

        await travelling.ReconnectAsync();
        await travelling.WaitUntilSynchronizedAsync(Timeout);
        await steady.WaitUntilSynchronizedAsync(Timeout);
        await WaitForAsync(() => steady.Text == travelling.Text);

        var expected = "While you were away. " + initial + " Typed offline.";
        Assert.Equal(expected, await StoredTextAsync(documentId));
        Assert.Equal(expected, travelling.Text);
        Assert.Equal(2, await StoredOperationCountAsync(documentId));
    }

    private static Task WaitForAsync(Func<bool> condition) =>
        RandomEdits.WaitForAsync(condition, Timeout, () => "The condition did not become true.");
}
