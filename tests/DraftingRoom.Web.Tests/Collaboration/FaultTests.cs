using DraftingRoom.Web.Hosting;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace DraftingRoom.Web.Tests.Collaboration;

/// <summary>
/// Crashes in the middle of typing: the app process killed outright, and PostgreSQL stopped hard under the running
/// app. Whatever an editor was told is saved must be in the log afterwards, and everyone must end on the log's text
/// without being told to do anything.
/// </summary>
public sealed class FaultTests(PostgresServer postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Sponsors = [Demo.CivilSociety, Demo.SecondDelegate, Demo.Delegate, Demo.CivilSociety];

    [Fact]
    public async Task Editors_typing_through_a_killed_and_restarted_app_reconnect_by_themselves_and_lose_no_acknowledged_edit()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        Guid documentId;
        await using (var setup = await TestApp.StartAsync(connectionString))
            (_, documentId, _) = await CollaborationFixture.CreateProposalAsync(setup, Demo.CivilSociety, Demo.SecondDelegate, Demo.Delegate);
        await using var app = new AppProcess(connectionString);
        await app.StartAsync();
        var editors = new List<HubEditor>();
        foreach (var email in Sponsors)
            editors.Add(await HubEditor.ConnectAsync(app.BaseAddress, await TypingCrew.SignInAsync(app.BaseAddress, email), documentId));
        await using var crew = new TypingCrew(editors, Environment.TickCount);
        var output = TestContext.Current.TestOutputHelper;

        // Below the hub's 30 operations per second per connection, so nothing is refused for speed.
        crew.Start(minPauseMs: 20, maxPauseMs: 60);
        await RandomEdits.WaitForAsync(() => crew.Acknowledged >= 60, Timeout, () => $"seed {crew.Seed}: typing was not acknowledged");

        app.Kill();
        var acknowledgedBeforeKill = crew.AcknowledgementsSoFar();
        var editsAtKill = crew.Edits;
        // The editors notice, and go on typing into their own copies meanwhile.
        await RandomEdits.WaitForAsync(() => editors.All(e => e.ConnectionState != HubConnectionState.Connected) && crew.Edits >= editsAtKill + 20,
            Timeout, () => $"seed {crew.Seed}: the editors did not notice the app was gone");

        await app.StartAsync();
        var acknowledgedAtRestart = crew.Acknowledged;
        await RandomEdits.WaitForAsync(() => crew.Acknowledged >= acknowledgedAtRestart + 60 && editors.All(e => e.Acknowledged > acknowledgedBeforeKill[e].Count),
            Timeout, () => $"seed {crew.Seed}: editing did not resume after the restart:\n{app.Output}");
        await crew.StopAsync();
        await crew.ConvergeAsync(connectionString, documentId, Timeout, catchUp: false);

        var log = await crew.AssertLogAgreesAsync(connectionString, documentId, acknowledgedBeforeKill);
        output?.WriteLine($"seed {crew.Seed}: {crew.Edits} edits, {acknowledgedBeforeKill.Values.Sum(a => a.Count)} acknowledged before the kill, " +
                          $"{crew.Acknowledged} in all, {log.Operations.Count} revisions");
    }

    [Fact]
    public async Task Editing_resumes_by_itself_after_PostgreSQL_is_stopped_hard_and_restarted_under_the_running_app()
    {
        // A cluster of this test's own: the one the other tests share must not go down.
        EmbeddedPostgres cluster;
        try
        {
            cluster = await EmbeddedPostgres.StartAsync(
                Path.Combine(Path.GetTempPath(), $"draftingroom-fault-{Environment.ProcessId}-{Guid.NewGuid():N}"), deleteOnDispose: true);
        }
        catch (PostgresNotFoundException)
        {
            Assert.Skip("This test stops and starts a PostgreSQL server of its own, and this machine has no PostgreSQL binaries.");
            return;
        }
        await using var _ = cluster;
        var connectionString = cluster.ConnectionString();
        await using var app = await TestApp.StartAsync(connectionString, settings => settings["Seed:SampleDeclaration"] = "true");
        var (_, documentId, _) = await CollaborationFixture.CreateProposalAsync(app, Demo.CivilSociety, Demo.SecondDelegate, Demo.Delegate);
        var editors = new List<HubEditor>();
        foreach (var email in Sponsors)
            editors.Add(await HubEditor.ConnectAsync(app.BaseAddress, await CollaborationFixture.SignInAsync(app, email), documentId));
        await using var crew = new TypingCrew(editors, Environment.TickCount);
        var output = TestContext.Current.TestOutputHelper;

        crew.Start(minPauseMs: 20, maxPauseMs: 60);
        await RandomEdits.WaitForAsync(() => crew.Acknowledged >= 60, Timeout, () => $"seed {crew.Seed}: typing was not acknowledged");

        await cluster.KillAsync();
        var acknowledgedBeforeKill = crew.AcknowledgementsSoFar();
        var errorsAtKill = editors.Sum(e => e.Errors.Count);
        var editsAtKill = crew.Edits;
        // Meanwhile the app refuses to save, the editors keep their text and keep typing.
        await RandomEdits.WaitForAsync(() => editors.Sum(e => e.Errors.Count) >= errorsAtKill + editors.Count && crew.Edits >= editsAtKill + 40,
            Timeout, () => $"seed {crew.Seed}: no edit was refused while the database was down");
        var acknowledgedWhileDown = crew.Acknowledged - acknowledgedBeforeKill.Values.Sum(a => a.Count);

        await cluster.RestartAsync();
        var acknowledgedAtRestart = crew.Acknowledged;
        await RandomEdits.WaitForAsync(() => crew.Acknowledged >= acknowledgedAtRestart + 60 && editors.All(e => e.Acknowledged > acknowledgedBeforeKill[e].Count),
            Timeout, () => $"seed {crew.Seed}: editing did not resume after PostgreSQL came back: " +
                           string.Join(" | ", editors.SelectMany(e => e.Errors.TakeLast(2))));
        await crew.StopAsync();
        await crew.ConvergeAsync(connectionString, documentId, Timeout, catchUp: false);

        var log = await crew.AssertLogAgreesAsync(connectionString, documentId, acknowledgedBeforeKill);
        // The connections themselves never dropped: only saving paused.
        Assert.All(editors, e => Assert.Equal(HubConnectionState.Connected, e.ConnectionState));
        output?.WriteLine($"seed {crew.Seed}: {crew.Edits} edits, {acknowledgedBeforeKill.Values.Sum(a => a.Count)} acknowledged before the stop, " +
                          $"{acknowledgedWhileDown} while it was down, {crew.Acknowledged} in all, {log.Operations.Count} revisions, " +
                          $"{editors.Sum(e => e.Errors.Count)} refusals");
    }
}
