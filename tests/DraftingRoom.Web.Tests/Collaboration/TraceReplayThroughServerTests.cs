using System.Diagnostics;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Core.Collaboration.Traces;
using DraftingRoom.Web.Collaboration;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DraftingRoom.Web.Tests.Collaboration;

/// <summary>
/// Real typing, keystroke by keystroke, through the server's path: every patch of a recorded editing trace is one
/// submission to <see cref="DocumentRegistry"/>, written to the operation log in PostgreSQL (with a snapshot every
/// 200 revisions); then a registry that knows nothing of it loads the document from the database.
/// </summary>
public sealed class TraceReplayThroughServerTests(PostgresServer postgres)
{
    [Fact]
    public Task The_seph_blog1_trace_submitted_patch_by_patch_reloads_from_the_database_as_its_recorded_end_text() =>
        ReplayAsync("seph-blog1");

    [Fact]
    public Task The_automerge_paper_trace_submitted_patch_by_patch_reloads_from_the_database_as_its_recorded_end_text() =>
        ReplayAsync("automerge-paper");

    private async Task ReplayAsync(string name)
    {
        var folder = LocateTraces();
        if (folder is null)
            Assert.Skip("The recorded editing traces (shared/data/editing-traces) are not in any folder above this test's binaries.");
        var trace = EditingTrace.Load(Path.Combine(folder, name + ".json.gz"));
        var operations = trace.ToOperations();

        var connectionString = await postgres.CreateDatabaseAsync();
        // Durability is not under test here (the fault tests cover it): without a disk flush per commit the
        // replay of a quarter of a million single-keystroke transactions takes a minute or two instead of many.
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"ALTER DATABASE \"{admin.Database}\" SET synchronous_commit = off", admin);
            await command.ExecuteNonQueryAsync();
        }
        var documentId = await StoredLog.CreateDocumentAsync(connectionString, trace.StartContent);
        // automerge-paper ends at 104,852 characters, above the 100,000 a proposal may have.
        var options = Options.Create(new CollaborationOptions { MaxDocumentLength = 1_000_000 });

        var clock = Stopwatch.StartNew();
        await using (var source = NpgsqlDataSource.Create(connectionString))
        {
            var registry = new DocumentRegistry(new DocumentStore(source, TimeProvider.System), options,
                new RecordingLogger<DocumentRegistry>());
            for (var i = 0; i < operations.Count; i++)
            {
                var result = await registry.SubmitAsync(documentId, "trace", i + 1, i, operations[i], null);
                if (result.Committed.Revision != i + 1 || result.IsDuplicate)
                    Assert.Fail($"Patch {i + 1} of {name} was committed as revision {result.Committed.Revision} (duplicate: {result.IsDuplicate}).");
            }
        }
        var elapsed = clock.Elapsed;

        await using var fresh = NpgsqlDataSource.Create(connectionString);
        var reloaded = new DocumentRegistry(new DocumentStore(fresh, TimeProvider.System), options,
            new RecordingLogger<DocumentRegistry>());
        var (text, revision) = await reloaded.GetStateAsync(documentId);
        Assert.Equal(operations.Count, revision);
        Assert.True(text == trace.EndContent,
            $"{name}: the reloaded text ({text.Length} characters) is not the recorded end text ({trace.EndContent.Length}); " +
            $"first difference at {FirstDifference(text, trace.EndContent)}");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{name}: {operations.Count:N0} submissions in {elapsed.TotalSeconds:F1} s ({operations.Count / elapsed.TotalSeconds:N0}/s)");
    }

    private static int FirstDifference(string a, string b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i]) i++;
        return i;
    }

    /// <summary>shared/data/editing-traces in the nearest folder above the test binaries that has one.</summary>
    public static string? LocateTraces()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var traces = Path.Combine(folder.FullName, "shared", "data", "editing-traces");
            if (Directory.Exists(traces)) return traces;
        }
        return null;
    }
}
