using System.Net;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace DraftingRoom.Web.Tests.Collaboration;

/// <summary>
/// Several <see cref="HubEditor"/>s typing at once, each on a task of its own with its own seeded random source,
/// until told to stop; then checks against the stored log. Used by the multi-node and fault tests.
/// </summary>
public sealed class TypingCrew : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _typing = [];
    private long _edits;

    public TypingCrew(IReadOnlyList<HubEditor> editors, int seed)
    {
        Editors = editors;
        Seed = seed;
    }

    public IReadOnlyList<HubEditor> Editors { get; }
    public int Seed { get; }

    /// <summary>How many edits all editors have typed so far.</summary>
    public long Edits => Interlocked.Read(ref _edits);

    /// <summary>How many acknowledgements all editors have received so far.</summary>
    public long Acknowledged => Editors.Sum(e => e.Acknowledged);

    /// <summary>Signs <paramref name="email"/> in through the real sign-in form of the app at <paramref name="baseAddress"/>.</summary>
    public static async Task<CookieContainer> SignInAsync(Uri baseAddress, string email)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };
        var response = await SignInClient.PostSignInAsync(client, email, Demo.Password);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{email} could not sign in.");
        return cookies;
    }

    /// <summary>
    /// Starts every editor typing: an edit, then a pause of <paramref name="minPauseMs"/> to
    /// <paramref name="maxPauseMs"/> (pacing, as a person types). With <paramref name="catchUpEvery"/>, each editor also
    /// fetches what it missed after that many edits, as it must when other nodes' commits are not broadcast to it.
    /// </summary>
    public void Start(int minPauseMs, int maxPauseMs, int? maxEditsEach = null, int? catchUpEvery = null)
    {
        for (var index = 0; index < Editors.Count; index++)
        {
            var editor = Editors[index];
            var random = new Random(Seed + index);
            _typing.Add(Task.Run(async () =>
            {
                for (var i = 1; !_stop.IsCancellationRequested && (maxEditsEach is null || i <= maxEditsEach); i++)
                {
                    await editor.EditAsync(text => RandomEdits.Next(random, text));
                    Interlocked.Increment(ref _edits);
                    if (catchUpEvery is { } every && i % every == 0 && editor.ConnectionState == HubConnectionState.Connected)
                    {
                        try
                        {
                            await editor.CatchUpAsync();
                        }
                        catch (Exception)
                        {
                            // Refused for now or disconnected: the editor tries again later by itself.
                        }
                    }
                    try
                    {
                        await Task.Delay(random.Next(minPauseMs, maxPauseMs + 1), _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
            }));
        }
    }

    /// <summary>Stops typing and waits for every typist to finish its current edit.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_typing);
    }

    /// <summary>Waits for every typist that was given a number of edits to finish them.</summary>
    public Task FinishAsync() => Task.WhenAll(_typing);

    /// <summary>
    /// Waits until every editor is connected, has every edit acknowledged, and is at the revision the log ends at.
    /// With <paramref name="catchUp"/> the editors are asked to fetch what they missed (needed across nodes, where
    /// broadcasts do not reach); without it they must get there by themselves.
    /// </summary>
    public async Task ConvergeAsync(string connectionString, Guid documentId, TimeSpan timeout, bool catchUp)
    {
        long stored = -1;
        await RandomEdits.WaitForAsync(async () =>
        {
            stored = await LastRevisionAsync(connectionString, documentId);
            foreach (var editor in Editors)
            {
                if (!catchUp || editor.ConnectionState != HubConnectionState.Connected || editor.Revision >= stored) continue;
                try
                {
                    await editor.CatchUpAsync();
                }
                catch (Exception)
                {
                    // Tried again on the next turn.
                }
            }
            return Editors.All(e => e.ConnectionState == HubConnectionState.Connected && e.IsSynchronized && e.Revision == stored);
        }, timeout, () => $"seed {Seed}: the editors did not converge on revision {stored}: " + string.Join("; ",
            Editors.Select(e => $"{e.ClientId[..8]} at {e.Revision} {(e.IsSynchronized ? "synchronized" : "pending")} {e.ConnectionState}, last errors: {string.Join(" | ", e.Errors.TakeLast(3))}")));
    }

    /// <summary>
    /// The checks that matter after any run: the log's revisions are exactly 1..N, every editor's text is the text
    /// rebuilt from snapshot 0 and the log, and every acknowledged operation is in the log at its revision.
    /// </summary>
    public async Task<StoredLog> AssertLogAgreesAsync(string connectionString, Guid documentId,
        IReadOnlyDictionary<HubEditor, IReadOnlyList<AcknowledgedOperation>>? acknowledgedEarlier = null)
    {
        var log = await StoredLog.ReadAsync(connectionString, documentId);
        var faults = log.RevisionFaults();
        Assert.True(faults.Count == 0, $"seed {Seed}: the log's revisions are not 1..{log.Operations.Count}: {string.Join(", ", faults.Take(10))}");
        var rebuilt = log.Rebuild();
        foreach (var editor in Editors)
        {
            Assert.True(editor.Text == rebuilt,
                $"seed {Seed}: editor {editor.ClientId} has {editor.Text.Length} characters at revision {editor.Revision}, the log rebuilds {rebuilt.Length} at {log.LastRevision}");
            var missing = log.Missing(editor.ClientId, editor.Acknowledgements);
            Assert.True(missing.Count == 0,
                $"seed {Seed}: editor {editor.ClientId} was acknowledged operations the log does not hold: {string.Join(", ", missing)}");
        }
        if (acknowledgedEarlier is not null)
            foreach (var (editor, acknowledgements) in acknowledgedEarlier)
            {
                var missing = log.Missing(editor.ClientId, acknowledgements);
                Assert.True(missing.Count == 0, $"seed {Seed}: acknowledged before the fault but not in the log: {string.Join(", ", missing)}");
            }
        return log;
    }

    /// <summary>The acknowledgements each editor has received so far.</summary>
    public IReadOnlyDictionary<HubEditor, IReadOnlyList<AcknowledgedOperation>> AcknowledgementsSoFar() =>
        Editors.ToDictionary(e => e, e => e.Acknowledgements);

    public static async Task<long> LastRevisionAsync(string connectionString, Guid documentId)
    {
        var unpooled = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var connection = new Npgsql.NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """SELECT COALESCE(MAX("Revision"), 0) FROM "DocumentOperations" WHERE "DocumentId" = @d""", connection);
        command.Parameters.AddWithValue("d", documentId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        foreach (var editor in Editors) await editor.DisposeAsync();
        _stop.Dispose();
    }
}
