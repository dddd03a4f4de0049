using DraftingRoom.Core.Collaboration;
using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DraftingRoom.Web.Tests.Collaboration;

/// <summary>
/// Several servers on one database: the unique key on (document, revision) is all that keeps them from forking a
/// document. Without a backplane a node's broadcasts stay on that node, so editors learn the other node's commits by
/// catching up (GetOperations), as the protocol allows.
/// </summary>
public sealed class TwoNodeTests(PostgresServer postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_app_nodes_on_one_database_never_fork_a_document_their_editors_type_into_at_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var first = await TestApp.StartAsync(connectionString);
        await using var second = await TestApp.StartAsync(connectionString);
        var (_, documentId, _) = await CollaborationFixture.CreateProposalAsync(first, Demo.CivilSociety, Demo.SecondDelegate, Demo.Delegate);
        string[] sponsors = [Demo.CivilSociety, Demo.SecondDelegate, Demo.Delegate];
        var editors = new List<HubEditor>();
        foreach (var node in new[] { first, second })
            foreach (var email in sponsors)
                editors.Add(await HubEditor.ConnectAsync(node.BaseAddress, await CollaborationFixture.SignInAsync(node, email), documentId));
        var firstNodeClients = editors.Take(sponsors.Length).Select(e => e.ClientId).ToHashSet();
        await using var crew = new TypingCrew(editors, Environment.TickCount);

        crew.Start(minPauseMs: 0, maxPauseMs: 12, maxEditsEach: 80, catchUpEvery: 4);
        await crew.FinishAsync();
        foreach (var editor in editors) await editor.WaitUntilSynchronizedAsync(Timeout);
        await crew.ConvergeAsync(connectionString, documentId, Timeout, catchUp: true);

        var log = await crew.AssertLogAgreesAsync(connectionString, documentId);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"seed {crew.Seed}: {crew.Edits} edits, {crew.Acknowledged} acknowledgements, {log.Operations.Count} revisions");
        // Both nodes committed, so the two really did race for revisions.
        Assert.Contains(log.Operations, o => firstNodeClients.Contains(o.ClientId));
        Assert.Contains(log.Operations, o => !firstNodeClients.Contains(o.ClientId));
        // And both nodes' own view of the document is the one in the log.
        var rebuilt = log.Rebuild();
        Assert.Equal((rebuilt, log.LastRevision), await first.Service<DocumentRegistry>().GetStateAsync(documentId));
        Assert.Equal((rebuilt, log.LastRevision), await second.Service<DocumentRegistry>().GetStateAsync(documentId));
    }

    [Fact]
    public async Task Two_registries_racing_for_the_same_revisions_transform_and_retry_until_both_hold_the_log_text()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        const string initial = "All peoples have the right to international solidarity.";
        var documentId = await StoredLog.CreateDocumentAsync(connectionString, initial);
        await using var firstSource = NpgsqlDataSource.Create(connectionString);
        await using var secondSource = NpgsqlDataSource.Create(connectionString);
        var firstLogger = new RecordingLogger<DocumentRegistry>();
        var secondLogger = new RecordingLogger<DocumentRegistry>();
        var first = NewRegistry(firstSource, firstLogger);
        var second = NewRegistry(secondSource, secondLogger);

        // A race with a known outcome: the second registry holds revision 0 while the first commits revision 1;
        // its submission on revision 0 loses revision 1, so it catches up, transforms and commits revision 2.
        Assert.Equal(0, (await second.GetStateAsync(documentId)).Revision);
        var won = await first.SubmitAsync(documentId, "setup-a", 1, 0, Insert(initial, 0, "[A] "), null);
        var lost = await second.SubmitAsync(documentId, "setup-b", 1, 0, Insert(initial, initial.Length, " [B]"), null);
        Assert.Equal(1, won.Committed.Revision);
        Assert.Equal(2, lost.Committed.Revision);
        Assert.Equal(1, secondLogger.Count("was taken"));
        Assert.Equal(("[A] " + initial + " [B]", 2L), await first.GetStateAsync(documentId));

        // Then many writers on both at once, each editing what its registry last showed it.
        var seed = Environment.TickCount;
        var all = await WriteOnBothAtOnceAsync(first, second, documentId, seed);
        await AssertEveryoneHoldsTheLogAsync(connectionString, documentId, all, 2, seed, first, second);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"seed {seed}: {all.Count} submissions, {firstLogger.Count("was taken") + secondLogger.Count("was taken")} lost races");
        // The writers of the two registries did collide, and the losers retried.
        Assert.True(firstLogger.Count("was taken") + secondLogger.Count("was taken") > 1, $"seed {seed}: no race happened");
    }

    [Fact]
    public async Task Two_registries_taking_turns_never_lose_a_revision_to_each_other_and_both_hold_the_log_text()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var documentId = await StoredLog.CreateDocumentAsync(connectionString, "All peoples have the right to international solidarity.");
        await using var firstSource = NpgsqlDataSource.Create(connectionString);
        await using var secondSource = NpgsqlDataSource.Create(connectionString);
        var firstLogger = new RecordingLogger<DocumentRegistry>();
        var secondLogger = new RecordingLogger<DocumentRegistry>();
        var takingTurns = new CollaborationOptions { TakeTurnsAcrossNodes = true };
        var first = NewRegistry(firstSource, firstLogger, takingTurns);
        var second = NewRegistry(secondSource, secondLogger, takingTurns);

        var seed = Environment.TickCount;
        var all = await WriteOnBothAtOnceAsync(first, second, documentId, seed);

        await AssertEveryoneHoldsTheLogAsync(connectionString, documentId, all, 0, seed, first, second);
        // Each registry caught up inside its turn, so neither ever wrote on a revision the other had taken.
        Assert.Equal(0, firstLogger.Count("was taken") + secondLogger.Count("was taken"));
    }

    private const int Writers = 12, SubmissionsEach = 25;

    // Writers on both registries at once, each submitting edits of what its registry last showed it.
    private static async Task<List<SubmitResult>> WriteOnBothAtOnceAsync(DocumentRegistry first, DocumentRegistry second,
        Guid documentId, int seed)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var registry = writer % 2 == 0 ? first : second;
            var random = new Random(seed + writer);
            var mine = new List<SubmitResult>();
            for (var sequence = 1; sequence <= SubmissionsEach; sequence++)
            {
                var (text, revision) = await registry.GetStateAsync(documentId);
                mine.Add(await registry.SubmitAsync(documentId, $"writer-{writer}", sequence, revision,
                    RandomEdits.Next(random, text), null));
            }
            return mine;
        })));
        return results.SelectMany(r => r).ToList();
    }

    // Every submission got a revision of its own, the log has no gap, and the registries and a fresh one agree with it.
    private static async Task AssertEveryoneHoldsTheLogAsync(string connectionString, Guid documentId,
        List<SubmitResult> all, int earlierRevisions, int seed, params DocumentRegistry[] registries)
    {
        Assert.DoesNotContain(all, r => r.IsDuplicate);
        Assert.True(all.Select(r => r.Committed.Revision).Distinct().Count() == all.Count, $"seed {seed}: two submissions got one revision");
        var log = await StoredLog.ReadAsync(connectionString, documentId);
        Assert.Empty(log.RevisionFaults());
        Assert.Equal(earlierRevisions + Writers * SubmissionsEach, log.Operations.Count);
        var rebuilt = log.Rebuild();
        foreach (var registry in registries)
            Assert.True((rebuilt, log.LastRevision) == await registry.GetStateAsync(documentId), $"seed {seed}: a registry differs from the log");
        await using var freshSource = NpgsqlDataSource.Create(connectionString);
        Assert.True((rebuilt, log.LastRevision) == await NewRegistry(freshSource, new RecordingLogger<DocumentRegistry>()).GetStateAsync(documentId),
            $"seed {seed}: a registry loading the document afresh differs from the log");
    }

    private static DocumentRegistry NewRegistry(NpgsqlDataSource source, RecordingLogger<DocumentRegistry> logger,
        CollaborationOptions? options = null) =>
        new(new DocumentStore(source, TimeProvider.System), Options.Create(options ?? new CollaborationOptions()), logger);

    private static TextOperation Insert(string text, int position, string insert) =>
        TextOperation.Builder().Retain(position).Insert(insert).Retain(text.Length - position).Build();
}

/// <summary>A logger that keeps the messages it is given, so a test can see what the code under test reported.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<string> _messages = [];

    public IReadOnlyList<string> Messages { get { lock (_messages) return _messages.ToList(); } }

    public int Count(string fragment) => Messages.Count(m => m.Contains(fragment, StringComparison.Ordinal));

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => NullLogger.Instance.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        lock (_messages) _messages.Add(formatter(state, exception));
    }
}
