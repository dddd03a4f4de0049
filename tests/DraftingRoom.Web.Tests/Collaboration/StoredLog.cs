using DraftingRoom.Core.Collaboration;
using Npgsql;

namespace DraftingRoom.Web.Tests.Collaboration;

/// <summary>
/// A document's operation log and first snapshot as PostgreSQL holds them, read over a connection of its own (no
/// pooling, so a restarted server is no trouble) without going through any part of the app.
/// </summary>
public sealed class StoredLog
{
    private readonly HashSet<(long Revision, string ClientId, long Sequence)> _entries;

    private StoredLog(string initialText, IReadOnlyList<CommittedOperation> operations)
    {
        InitialText = initialText;
        Operations = operations;
        _entries = operations.Select(o => (o.Revision, o.ClientId, o.Sequence)).ToHashSet();
    }

    /// <summary>The text at revision 0 (snapshot 0).</summary>
    public string InitialText { get; }

    /// <summary>Every stored operation, ordered by revision.</summary>
    public IReadOnlyList<CommittedOperation> Operations { get; }

    public long LastRevision => Operations.Count == 0 ? 0 : Operations[^1].Revision;

    public static async Task<StoredLog> ReadAsync(string connectionString, Guid documentId)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();

        await using var snapshot = new NpgsqlCommand(
            """SELECT "Text" FROM "DocumentSnapshots" WHERE "DocumentId" = @d AND "Revision" = 0""", connection);
        snapshot.Parameters.AddWithValue("d", documentId);
        var initial = (string?)await snapshot.ExecuteScalarAsync()
                      ?? throw new InvalidOperationException($"Document {documentId} has no snapshot at revision 0.");

        await using var read = new NpgsqlCommand(
            """
            SELECT "Revision", "ClientId", "Sequence", "Operation"::text FROM "DocumentOperations"
            WHERE "DocumentId" = @d ORDER BY "Revision"
            """, connection);
        read.Parameters.AddWithValue("d", documentId);
        var operations = new List<CommittedOperation>();
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            operations.Add(new CommittedOperation(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2),
                TextOperation.Parse(reader.GetString(3))));
        return new StoredLog(initial, operations);
    }

    /// <summary>A new co-edited document with <paramref name="text"/> as its revision 0, with nothing else around it.</summary>
    public static async Task<Guid> CreateDocumentAsync(string connectionString, string text)
    {
        var documentId = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO "TextDocuments" ("Id", "CreatedAt") VALUES (@d, now());
            INSERT INTO "DocumentSnapshots" ("DocumentId", "Revision", "Text", "CreatedAt") VALUES (@d, 0, @t, now());
            """, connection);
        command.Parameters.AddWithValue("d", documentId);
        command.Parameters.AddWithValue("t", text);
        await command.ExecuteNonQueryAsync();
        return documentId;
    }

    /// <summary>The revisions that break the run 1, 2, 3… N: gaps and repeats. Empty for a healthy log.</summary>
    public IReadOnlyList<string> RevisionFaults()
    {
        var faults = new List<string>();
        for (var i = 0; i < Operations.Count; i++)
            if (Operations[i].Revision != i + 1)
                faults.Add($"position {i + 1} holds revision {Operations[i].Revision}");
        return faults;
    }

    /// <summary>The text rebuilt from snapshot 0 and every operation in order.</summary>
    public string Rebuild()
    {
        var buffer = new TextBuffer(InitialText);
        foreach (var operation in Operations) buffer.Apply(operation.Operation);
        return buffer.ToString();
    }

    /// <summary>Whether the log holds this client's submission at exactly this revision.</summary>
    public bool Holds(string clientId, AcknowledgedOperation acknowledged) =>
        _entries.Contains((acknowledged.Revision, clientId, acknowledged.Sequence));

    /// <summary>The acknowledgements of <paramref name="clientId"/> that the log does not hold.</summary>
    public IReadOnlyList<AcknowledgedOperation> Missing(string clientId, IEnumerable<AcknowledgedOperation> acknowledged) =>
        acknowledged.Where(a => !Holds(clientId, a)).ToList();
}
