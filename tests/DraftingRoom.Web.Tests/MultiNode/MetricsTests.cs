using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Decisions;
using DraftingRoom.Web.Observability;
using DraftingRoom.Web.Tests.Collaboration;
using DraftingRoom.Web.Tests.Consultation;
using DraftingRoom.Web.Tests.Infrastructure;

namespace DraftingRoom.Web.Tests.MultiNode;

/// <summary>
/// The instruments of the meter "DraftingRoom" report what the app does: listened to in the process with a
/// MeterListener (only this test's app's meter: other tests run apps of their own in the same process), and read by
/// a Prometheus scrape of /metrics.
/// </summary>
public sealed class MetricsTests(PostgresServer postgres)
{
    [Fact]
    public async Task Connected_clients_operations_latencies_comments_and_decisions_are_measured_and_exported()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var app = await TestApp.StartAsync(connectionString);
        var meterFactory = app.Service<IMeterFactory>();
        var measured = new ConcurrentDictionary<string, ConcurrentBag<(double Value, string? Tag)>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == DraftingRoomMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? tag = null;
            foreach (var pair in tags) tag = $"{pair.Key}={pair.Value}";
            measured.GetOrAdd(instrument.Name, _ => []).Add((value, tag));
        }
        double Sum(string name, string? tag = null) =>
            measured.TryGetValue(name, out var values) ? values.Where(v => tag is null || v.Tag == tag).Sum(v => v.Value) : 0;
        int Count(string name) => measured.TryGetValue(name, out var values) ? values.Count : 0;

        // Two editors co-edit a proposal.
        var (_, documentId, _) = await CollaborationFixture.CreateProposalAsync(app, Demo.CivilSociety, Demo.Delegate);
        var first = await HubEditor.ConnectAsync(app.BaseAddress, await CollaborationFixture.SignInAsync(app, Demo.CivilSociety), documentId);
        var second = await HubEditor.ConnectAsync(app.BaseAddress, await CollaborationFixture.SignInAsync(app, Demo.Delegate), documentId);
        await using (var crew = new TypingCrew([first, second], Environment.TickCount))
        {
            Assert.Equal(2, Sum("draftingroom.clients.connected", "kind=editor"));
            crew.Start(minPauseMs: 5, maxPauseMs: 20, maxEditsEach: 25);
            await crew.FinishAsync();
            foreach (var editor in crew.Editors) await editor.WaitUntilSynchronizedAsync(Nodes.Timeout);
            var revisions = await TypingCrew.LastRevisionAsync(connectionString, documentId);
            Assert.Equal(revisions, Sum("draftingroom.operations.committed"));
            Assert.Equal(crew.Acknowledged, Count("draftingroom.operation.ack.duration"));
            Assert.InRange(Count("draftingroom.operation.propagation.duration"), 1, revisions);
            // One write per batch: at least one, at most one per revision.
            Assert.InRange(Count("draftingroom.operation.store.duration"), 1, revisions);
        }
        // The crew closed its connections.
        await RandomEdits.WaitForAsync(() => Sum("draftingroom.clients.connected", "kind=editor") == 0, Nodes.Timeout,
            () => "the closed connections were not counted out");

        // Comments, a reply, and decisions.
        var s = new Scenario(app);
        var (_, articles) = await s.DeclarationAsync();
        var amaria = await s.As(Demo.Delegate);
        var comment = await s.Comments.PostAsync(amaria, new NewComment(articles[0], null, "A comment."));
        await s.Comments.ReplyAsync(await s.As(Demo.CivilSociety), comment, "A reply.");
        await s.Comments.EditAsync(amaria, comment, "An edit is not a new comment.");
        var accepted = await s.SubmittedAsync(Demo.Delegate, articles[0], Scenario.ArticleText.Replace("shall cooperate", "shall actively cooperate"));
        var rejected = await s.SubmittedAsync(Demo.CivilSociety, articles[0], Scenario.ArticleText.Replace("Everyone", "Every person"));
        var expert = await s.As(Demo.Expert);
        await s.Decisions.DecideAsync(expert, accepted, new DecisionRequest(DecisionKind.Accept, null, null, 1));
        await s.Decisions.DecideAsync(expert, rejected, new DecisionRequest(DecisionKind.Reject, "Narrower.", null, 2));
        // A refused decision (already decided) counts nothing.
        await Assert.ThrowsAnyAsync<Exception>(() => s.Decisions.DecideAsync(expert, rejected, new DecisionRequest(DecisionKind.Reject, "Again.", null, 2)));

        Assert.Equal(1, Sum("draftingroom.comments.posted", "kind=comment"));
        Assert.Equal(1, Sum("draftingroom.comments.posted", "kind=reply"));
        Assert.Equal(1, Sum("draftingroom.decisions.made", "outcome=accepted"));
        Assert.Equal(1, Sum("draftingroom.decisions.made", "outcome=rejected"));
        Assert.Equal(2, Sum("draftingroom.decisions.made"));

        // The same figures, scraped as Prometheus would. OpenTelemetry exports every meter of that name in the process,
        // and other tests run apps of their own in this one, so the scrape holds at least this app's figures.
        var (_, scrape) = await Nodes.GetAsync(app.BaseAddress, "/metrics");
        Assert.True(PrometheusText.Value(scrape, "draftingroom_comments_posted_total", ("kind", "reply")) >= 1);
        Assert.True(PrometheusText.Value(scrape, "draftingroom_decisions_made_total", ("outcome", "rejected")) >= 1);
        Assert.True(PrometheusText.Value(scrape, "draftingroom_operations_committed_total") >= Sum("draftingroom.operations.committed"));
        Assert.True(PrometheusText.Value(scrape, "draftingroom_operation_ack_duration_seconds_count") >= Count("draftingroom.operation.ack.duration"));
    }
}
