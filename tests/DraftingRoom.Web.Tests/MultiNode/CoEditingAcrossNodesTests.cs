using System.Collections.Concurrent;
using DraftingRoom.Web.Tests.Collaboration;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace DraftingRoom.Web.Tests.MultiNode;

/// <summary>
/// Two app processes on one database and one Redis: the co-editing hub's broadcasts cross nodes through the SignalR
/// Redis backplane, so editors and watchers on either node hear every commit as it happens, without asking for
/// what they missed; and when a node dies its clients carry on through the other.
/// </summary>
[Collection(SeveralNodes.Name)]
public sealed class CoEditingAcrossNodesTests(PostgresServer postgres)
{
    private static readonly string[] NodeASponsors = [Demo.CivilSociety, Demo.SecondDelegate];
    private static readonly string[] NodeBSponsors = [Demo.Delegate, Demo.CivilSociety];

    [Fact]
    public async Task Editors_on_two_nodes_co_edit_one_proposal_and_converge_hearing_each_other_through_the_backplane()
    {
        await using var redis = await RedisServer.StartOrSkipAsync();
        var (connectionString, documentId) = await ProposalAsync();
        await using var nodeA = new AppProcess(connectionString, Nodes.OnRedis(redis));
        await using var nodeB = new AppProcess(connectionString, Nodes.OnRedis(redis));
        await nodeA.StartAsync();
        await nodeB.StartAsync();

        var onA = await ConnectAsync(nodeA.BaseAddress, NodeASponsors, documentId);
        var onB = await ConnectAsync(nodeB.BaseAddress, NodeBSponsors, documentId);
        // A colleague of a sponsor watches on each node: never edits, never asks for missed operations, so the
        // broadcasts are the only way the other node's commits reach them.
        var watcherA = await HubEditor.ConnectAsync(nodeA.BaseAddress, await TypingCrew.SignInAsync(nodeA.BaseAddress, Demo.DelegateColleague), documentId);
        var watcherB = await HubEditor.ConnectAsync(nodeB.BaseAddress, await TypingCrew.SignInAsync(nodeB.BaseAddress, Demo.DelegateColleague), documentId);
        await using var _ = watcherA;
        await using var __ = watcherB;
        Assert.False(watcherA.CanEdit);
        var heard = new ConcurrentDictionary<HubEditor, ConcurrentBag<string>>();
        foreach (var client in onA.Concat(onB).Append(watcherA).Append(watcherB))
        {
            var bag = heard.GetOrAdd(client, _ => []);
            client.OnRemote = committed => bag.Add(committed.ClientId);
        }
        var clientsOfA = onA.Select(e => e.ClientId).ToHashSet();
        var clientsOfB = onB.Select(e => e.ClientId).ToHashSet();
        await using var crew = new TypingCrew([.. onA, .. onB], Environment.TickCount);

        // No catch-up while typing: what the other node commits must arrive by broadcast.
        crew.Start(minPauseMs: 20, maxPauseMs: 60, maxEditsEach: 60);
        await crew.FinishAsync();
        foreach (var editor in crew.Editors) await editor.WaitUntilSynchronizedAsync(Nodes.Timeout);
        await crew.ConvergeAsync(connectionString, documentId, Nodes.Timeout, catchUp: false);
        var log = await crew.AssertLogAgreesAsync(connectionString, documentId);
        foreach (var watcher in new[] { watcherA, watcherB })
            await RandomEdits.WaitForAsync(() => watcher.Revision == log.LastRevision, Nodes.Timeout,
                () => $"seed {crew.Seed}: a watcher stopped at revision {watcher.Revision} of {log.LastRevision}: a broadcast did not reach its node");

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"seed {crew.Seed}: {crew.Edits} edits, {crew.Acknowledged} acknowledgements, {log.Operations.Count} revisions");
        // Both nodes committed: they really raced for revisions of one document.
        Assert.Contains(log.Operations, o => clientsOfA.Contains(o.ClientId));
        Assert.Contains(log.Operations, o => clientsOfB.Contains(o.ClientId));
        // Each editor heard, by broadcast, operations typed on the other node.
        foreach (var editor in onA) Assert.Contains(heard[editor], clientsOfB.Contains);
        foreach (var editor in onB) Assert.Contains(heard[editor], clientsOfA.Contains);
        // The watchers hold the log's text, built from nothing but broadcasts: every revision reached both nodes.
        var rebuilt = log.Rebuild();
        Assert.Equal(rebuilt, watcherA.Text);
        Assert.Equal(rebuilt, watcherB.Text);
        Assert.Equal(log.Operations.Count, heard[watcherA].Count);
        Assert.Equal(log.Operations.Count, heard[watcherB].Count);

        // Each node counted what it did, and says so at /metrics.
        var metricsA = await Nodes.GetAsync(nodeA.BaseAddress, "/metrics");
        var metricsB = await Nodes.GetAsync(nodeB.BaseAddress, "/metrics");
        var committedA = PrometheusText.Value(metricsA.Body, "draftingroom_operations_committed_total");
        var committedB = PrometheusText.Value(metricsB.Body, "draftingroom_operations_committed_total");
        Assert.Equal(log.Operations.Count, committedA + committedB);
        Assert.Equal(3, PrometheusText.Value(metricsA.Body, "draftingroom_clients_connected", ("kind", "editor")));
        Assert.Equal(3, PrometheusText.Value(metricsB.Body, "draftingroom_clients_connected", ("kind", "editor")));
        Assert.True(PrometheusText.Value(metricsB.Body, "draftingroom_operation_propagation_duration_seconds_count") > 0);
    }

    [Fact]
    public async Task Killing_a_node_while_its_editors_type_loses_no_acknowledged_operation_and_they_carry_on_through_the_other()
    {
        await using var redis = await RedisServer.StartOrSkipAsync();
        var (connectionString, documentId) = await ProposalAsync();
        await using var nodeA = new AppProcess(connectionString, Nodes.OnRedis(redis));
        await using var nodeB = new AppProcess(connectionString, Nodes.OnRedis(redis));
        await nodeA.StartAsync();
        await nodeB.StartAsync();
        // A load balancer sends new connections to node A while it lives, then to node B.
        await using var balancer = new TestLoadBalancer(nodeA.BaseAddress, nodeB.BaseAddress);

        var viaBalancer = await ConnectAsync(balancer.BaseAddress, NodeASponsors, documentId);
        var onB = await ConnectAsync(nodeB.BaseAddress, NodeBSponsors, documentId);
        Assert.True(balancer.ConnectionsTo(0) > 0 && balancer.ConnectionsTo(1) == 0, "the balancer's clients should start on node A");
        await using var crew = new TypingCrew([.. viaBalancer, .. onB], Environment.TickCount);
        // Node A dies between storing a batch and broadcasting it, as likely as not: node B's editors then wait for
        // revisions nobody will broadcast, and ask for them as the browser editor does after 1.5 s.
        await using var gaps = new GapWatcher(crew.Editors, TimeSpan.FromSeconds(1.5));
        var output = TestContext.Current.TestOutputHelper;

        crew.Start(minPauseMs: 20, maxPauseMs: 60);
        await RandomEdits.WaitForAsync(() => viaBalancer.All(e => e.Acknowledged >= 15) && onB.All(e => e.Acknowledged >= 15),
            Nodes.Timeout, () => $"seed {crew.Seed}: typing was not acknowledged");

        nodeA.Kill();
        var acknowledgedBeforeKill = crew.AcknowledgementsSoFar();
        var editsAtKill = crew.Edits;
        await RandomEdits.WaitForAsync(() => viaBalancer.All(e => e.ConnectionState != HubConnectionState.Connected) || balancer.ConnectionsTo(1) > 0,
            Nodes.Timeout, () => $"seed {crew.Seed}: node A's editors did not notice it was gone");

        // They reconnect by themselves, through the balancer, to node B; everyone keeps typing.
        await RandomEdits.WaitForAsync(
            () => crew.Edits >= editsAtKill + 40 && crew.Editors.All(e => e.Acknowledged > acknowledgedBeforeKill[e].Count + 5),
            Nodes.Timeout, () => $"seed {crew.Seed}: editing did not resume on node B; {Describe(crew, acknowledgedBeforeKill)}; " +
                                 $"connections: {balancer.ConnectionsTo(0)} to A, {balancer.ConnectionsTo(1)} to B\n{nodeB.Output}");
        await crew.StopAsync();
        await crew.ConvergeAsync(connectionString, documentId, Nodes.Timeout, catchUp: false);

        var log = await crew.AssertLogAgreesAsync(connectionString, documentId, acknowledgedBeforeKill);
        Assert.True(balancer.ConnectionsTo(1) > 0, "the balancer's clients never reached node B");
        Assert.All(crew.Editors, e => Assert.Equal(HubConnectionState.Connected, e.ConnectionState));
        output?.WriteLine($"seed {crew.Seed}: {crew.Edits} edits, {acknowledgedBeforeKill.Values.Sum(a => a.Count)} acknowledged before the kill, " +
                          $"{crew.Acknowledged} in all, {log.Operations.Count} revisions; connections: {balancer.ConnectionsTo(0)} to A, {balancer.ConnectionsTo(1)} to B; " +
                          $"{gaps.CatchUps} gaps asked for");
    }

    private static string Describe(TypingCrew crew, IReadOnlyDictionary<HubEditor, IReadOnlyList<AcknowledgedOperation>> before) =>
        string.Join("; ", crew.Editors.Select(e => $"{e.ClientId[..8]} {e.ConnectionState}, {before[e].Count} then {e.Acknowledged} acknowledged, " +
                                                   $"last errors: {string.Join(" | ", e.Errors.TakeLast(3))}"));

    private async Task<(string ConnectionString, Guid DocumentId)> ProposalAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var setup = await TestApp.StartAsync(connectionString);
        var (_, documentId, _) = await CollaborationFixture.CreateProposalAsync(setup, Demo.CivilSociety, Demo.SecondDelegate, Demo.Delegate);
        return (connectionString, documentId);
    }

    private static async Task<List<HubEditor>> ConnectAsync(Uri node, IEnumerable<string> emails, Guid documentId)
    {
        var editors = new List<HubEditor>();
        foreach (var email in emails)
            editors.Add(await HubEditor.ConnectAsync(node, await TypingCrew.SignInAsync(node, email), documentId));
        return editors;
    }
}
