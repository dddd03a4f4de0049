using System.Collections.Concurrent;
using DraftingRoom.Core.Collaboration;
using Microsoft.Extensions.Options;

namespace DraftingRoom.Web.Collaboration;

/// <summary>The outcome of a submission: the operation as committed, and whether it had been committed before.</summary>
public sealed record SubmitResult(CommittedOperation Committed, bool IsDuplicate);

/// <summary>
/// The server's authority over each co-edited document: one sequencer per document, fed from and written to the
/// operation log. A submission is transformed, written to PostgreSQL at the next revision, and only then applied here
/// and answered; if another server wrote that revision first, this one catches up from the log and tries again.
/// </summary>
public sealed class DocumentRegistry(DocumentStore store, IOptions<CollaborationOptions> options, ILogger<DocumentRegistry> logger)
{
    private const int MaxAttempts = 20;
    private readonly ConcurrentDictionary<Guid, LiveDocument> _documents = new();
    private readonly CollaborationOptions _options = options.Value;

    public async Task<(string Text, long Revision)> GetStateAsync(Guid documentId, CancellationToken ct = default)
    {
        var document = _documents.GetOrAdd(documentId, _ => new LiveDocument());
        await document.Gate.WaitAsync(ct);
        try
        {
            var sequencer = await LoadOrCatchUpAsync(documentId, document, ct);
            return (sequencer.Text, sequencer.Revision);
        }
        finally
        {
            document.Gate.Release();
        }
    }

    /// <summary>The operations after <paramref name="fromRevision"/>: what a reconnecting client missed.</summary>
    public async Task<IReadOnlyList<CommittedOperation>> GetOperationsSinceAsync(Guid documentId, long fromRevision,
        CancellationToken ct = default)
    {
        var document = _documents.GetOrAdd(documentId, _ => new LiveDocument());
        await document.Gate.WaitAsync(ct);
        try
        {
            var sequencer = await LoadOrCatchUpAsync(documentId, document, ct);
            if (fromRevision > sequencer.Revision)
                throw new OperationException($"Revision {fromRevision} does not exist yet: the document is at revision {sequencer.Revision}.");
            if (fromRevision >= sequencer.OldestBaseRevision) return sequencer.GetOperationsSince(fromRevision);
        }
        finally
        {
            document.Gate.Release();
        }
        // Older than this server's window: the log has everything.
        return await store.ReadOperationsAsync(documentId, Math.Max(0, fromRevision), ct);
    }

    /// <exception cref="OperationException">The operation is malformed for the document, based on a revision that does
    /// not exist, or too old to transform. Nothing is stored then.</exception>
    public async Task<SubmitResult> SubmitAsync(Guid documentId, string clientId, long sequence, long baseRevision,
        TextOperation operation, string? userId, CancellationToken ct = default)
    {
        var document = _documents.GetOrAdd(documentId, _ => new LiveDocument());
        await document.Gate.WaitAsync(ct);
        try
        {
            var sequencer = await LoadOrCatchUpAsync(documentId, document, ct, catchUp: baseRevision > (document.Sequencer?.Revision ?? -1));
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var prepared = sequencer.Prepare(clientId, sequence, baseRevision, operation);
                if (prepared.IsDuplicate) return new SubmitResult(prepared.Committed, IsDuplicate: true);
                var committed = prepared.Committed;
                if (committed.Operation.TargetLength > _options.MaxDocumentLength &&
                    committed.Operation.TargetLength > committed.Operation.BaseLength)
                    throw new OperationException($"A proposal may be at most {_options.MaxDocumentLength:N0} characters long.");

                if (await store.TryAppendAsync(documentId, committed, userId, ct))
                {
                    sequencer.Append(committed);
                    if (committed.Revision % _options.SnapshotInterval == 0)
                        await store.SaveSnapshotAsync(documentId, committed.Revision, sequencer.Text, ct);
                    return new SubmitResult(committed, IsDuplicate: false);
                }

                // Another server committed this revision (or this very submission) first: learn what it wrote.
                logger.LogDebug("Revision {Revision} of {Document} was taken; catching up", committed.Revision, documentId);
                await CatchUpAsync(documentId, sequencer, ct);
            }
            throw new InvalidOperationException($"Could not commit to document {documentId} after {MaxAttempts} attempts.");
        }
        catch (Exception exception) when (exception is not OperationException and not OperationCanceledException)
        {
            // The database may or may not have the operation: reload from the log on next use rather than guess.
            document.Sequencer = null;
            throw;
        }
        finally
        {
            document.Gate.Release();
        }
    }

    /// <summary>Forgets what this server holds of a document, so the next use reloads it from the log.</summary>
    public void Evict(Guid documentId) => _documents.TryRemove(documentId, out _);

    private async Task<DocumentSequencer> LoadOrCatchUpAsync(Guid documentId, LiveDocument document, CancellationToken ct,
        bool catchUp = true)
    {
        if (document.Sequencer is null)
        {
            var loaded = await store.LoadAsync(documentId, _options.HistoryWindow, ct)
                ?? throw new OperationException("This document does not exist.");
            var sequencer = new DocumentSequencer(loaded.Text, loaded.SnapshotRevision,
                Math.Max(_options.HistoryWindow, loaded.Operations.Count + 1));
            foreach (var committed in loaded.Operations) sequencer.Append(committed);
            document.Sequencer = sequencer;
            return sequencer;
        }
        if (catchUp) await CatchUpAsync(documentId, document.Sequencer, ct);
        return document.Sequencer;
    }

    private async Task CatchUpAsync(Guid documentId, DocumentSequencer sequencer, CancellationToken ct)
    {
        foreach (var committed in await store.ReadOperationsAsync(documentId, sequencer.Revision, ct))
            sequencer.Append(committed);
    }

    private sealed class LiveDocument
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public DocumentSequencer? Sequencer { get; set; }
    }
}
