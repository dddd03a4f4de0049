using DraftingRoom.Core.Collaboration;
using Npgsql;
using NpgsqlTypes;

namespace DraftingRoom.Web.Collaboration;

/// <summary>
/// The durable side of co-editing: the operation log keyed by (document, revision) and periodic snapshots, in
/// PostgreSQL. Plain Npgsql, because this is the hot path of every keystroke.
/// </summary>
public sealed class DocumentStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>What a server needs to take a document over: a snapshot and every operation after it.</summary>
    public sealed record LoadedDocument(string Text, long SnapshotRevision, IReadOnlyList<CommittedOperation> Operations);

    /// <summary>
    /// Loads the latest snapshot that still leaves at least <paramref name="minimumHistory"/> operations to replay
    /// (so late submissions can be transformed), then the operations after it.
    /// </summary>
    public async Task<LoadedDocument?> LoadAsync(Guid documentId, int minimumHistory, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        long latest;
        await using (var command = new NpgsqlCommand(
            """SELECT COALESCE(MAX("Revision"), -1) FROM "DocumentOperations" WHERE "DocumentId" = @d""", connection))
        {
            command.Parameters.AddWithValue("d", documentId);
            latest = (long)(await command.ExecuteScalarAsync(ct))!;
        }

        if (await SnapshotAtOrBeforeAsync(connection, documentId, Math.Max(0, latest - minimumHistory), ct) is not { } snapshot)
            return null;
        var (snapshotRevision, text) = snapshot;

        var operations = await ReadOperationsAsync(connection, documentId, snapshotRevision, ct);
        return new LoadedDocument(text, snapshotRevision, operations);
    }

    /// <summary>The text at <paramref name="revision"/>: the nearest snapshot at or before it, and the operations since.</summary>
    /// <returns>The text, or null when the document or the revision does not exist.</returns>
    public async Task<string?> TextAtAsync(Guid documentId, long revision, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        if (await SnapshotAtOrBeforeAsync(connection, documentId, revision, ct) is not { } snapshot)
            return null;
        var (snapshotRevision, text) = snapshot;
        var operations = await ReadOperationsAsync(connection, documentId, snapshotRevision, ct);
        var applied = snapshotRevision;
        foreach (var operation in operations.TakeWhile(o => o.Revision <= revision))
        {
            text = operation.Operation.Apply(text);
            applied = operation.Revision;
        }
        return applied == revision ? text : null;
    }

    /// <summary>The latest snapshot at or before <paramref name="revision"/> (every document has one at revision 0).</summary>
    private static async Task<(long Revision, string Text)?> SnapshotAtOrBeforeAsync(NpgsqlConnection connection,
        Guid documentId, long revision, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT "Revision", "Text" FROM "DocumentSnapshots"
            WHERE "DocumentId" = @d AND "Revision" <= @r ORDER BY "Revision" DESC LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("d", documentId);
        command.Parameters.AddWithValue("r", revision);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>The committed operations after <paramref name="afterRevision"/>, in order.</summary>
    public async Task<IReadOnlyList<CommittedOperation>> ReadOperationsAsync(Guid documentId, long afterRevision,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadOperationsAsync(connection, documentId, afterRevision, ct);
    }

    private static async Task<IReadOnlyList<CommittedOperation>> ReadOperationsAsync(NpgsqlConnection connection,
        Guid documentId, long afterRevision, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT "Revision", "ClientId", "Sequence", "Operation"::text FROM "DocumentOperations"
            WHERE "DocumentId" = @d AND "Revision" > @after ORDER BY "Revision"
            """, connection);
        command.Parameters.AddWithValue("d", documentId);
        command.Parameters.AddWithValue("after", afterRevision);
        var operations = new List<CommittedOperation>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            operations.Add(new CommittedOperation(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2),
                TextOperation.Parse(reader.GetString(3))));
        return operations;
    }

    /// <summary>
    /// Writes several operations, at consecutive revisions, in one statement: all of them or none. Returns false,
    /// writing nothing, when any of those revisions or (client, sequence) pairs is already taken. One round trip and
    /// one flush to disk for the lot, so a busy document commits what queued up meanwhile together.
    /// </summary>
    public async Task<bool> TryAppendAsync(Guid documentId, IReadOnlyList<(CommittedOperation Operation, string? UserId)> operations,
        CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO "DocumentOperations" ("DocumentId", "Revision", "ClientId", "Sequence", "Operation", "UserId", "CommittedAt")
            SELECT @d, r, c, s, o, u, @t FROM unnest(@r, @c, @s, @o, @u) AS batch(r, c, s, o, u)
            """);
        command.Parameters.AddWithValue("d", documentId);
        command.Parameters.Add(new NpgsqlParameter("r", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
            { Value = operations.Select(o => o.Operation.Revision).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Array | NpgsqlDbType.Text)
            { Value = operations.Select(o => o.Operation.ClientId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("s", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
            { Value = operations.Select(o => o.Operation.Sequence).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("o", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
            { Value = operations.Select(o => o.Operation.Operation.ToJson()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("u", NpgsqlDbType.Array | NpgsqlDbType.Text)
            { Value = operations.Select(o => o.UserId).ToArray() });
        command.Parameters.AddWithValue("t", clock.GetUtcNow());
        try
        {
            await command.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until no other server is committing to the document, and keeps it so until the turn is disposed: an
    /// advisory lock held by a transaction of its own, so that ending the transaction in any way (disposal, a broken
    /// connection, this server dying) releases it, and no connection goes back to the pool still holding it.
    /// </summary>
    public async Task<IAsyncDisposable> TakeTurnAsync(Guid documentId, CancellationToken ct = default)
    {
        // A turn holds a connection while its batch needs another one to be written: at most half the pool is held
        // by turns, so that the writes always find a connection.
        await _turns.WaitAsync(ct);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", connection, transaction);
            command.Parameters.AddWithValue("k", TurnKey(documentId));
            await command.ExecuteNonQueryAsync(ct);
            return new Turn(connection, transaction, _turns);
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync();
            _turns.Release();
            throw;
        }
    }

    private readonly SemaphoreSlim _turns =
        new(Math.Max(1, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize / 2));

    // Advisory locks take a 64-bit key: the second half of the document id, where time-ordered ids keep random bits.
    private static long TurnKey(Guid documentId) => BitConverter.ToInt64(documentId.ToByteArray(), 8);

    private sealed class Turn(NpgsqlConnection connection, NpgsqlTransaction transaction, SemaphoreSlim turns) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Rolling back the transaction, which did nothing but take the lock, releases it.
                await transaction.DisposeAsync();
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone, and the lock with it.
            }
            finally
            {
                await connection.DisposeAsync();
                turns.Release();
            }
        }
    }

    public async Task SaveSnapshotAsync(Guid documentId, long revision, string text, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO "DocumentSnapshots" ("DocumentId", "Revision", "Text", "CreatedAt") VALUES (@d, @r, @x, @t)
            ON CONFLICT DO NOTHING
            """);
        command.Parameters.AddWithValue("d", documentId);
        command.Parameters.AddWithValue("r", revision);
        command.Parameters.AddWithValue("x", text);
        command.Parameters.AddWithValue("t", clock.GetUtcNow());
        await command.ExecuteNonQueryAsync(ct);
    }
}
