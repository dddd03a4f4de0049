using System.Collections.Concurrent;
using System.Diagnostics;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Web.Observability;
using Microsoft.Extensions.Options;

namespace DraftingRoom.Web.Collaboration;

/// <summary>The outcome of a submission: the operation as committed, and whether it had been committed before.</summary>
public sealed record SubmitResult(CommittedOperation Committed, bool IsDuplicate);

/// <summary>
/// The server's authority over each co-edited document: one sequencer per document, fed from and written to the
/// operation log. A submission is transformed, written to PostgreSQL at the next revision, and only then applied here
/// and answered; if another server wrote that revision first, this one catches up from the log and tries again. With
/// several servers they take turns per document (<see cref="CollaborationOptions.TakeTurnsAcrossNodes"/>), so that
/// this is rare.
/// </summary>
public sealed class DocumentRegistry(DocumentStore store, IOptions<CollaborationOptions> options, ILogger<DocumentRegistry> logger,
    CommitBroadcaster? broadcaster = null, DraftingRoomMetrics? metrics = null)
{
    private const int MaxAttempts = 20;
    private const int MaxBatch = 500;
    // Worth a warning: typing stalls for everyone in the document while a batch is being stored.
    private static readonly TimeSpan SlowWrite = TimeSpan.FromMilliseconds(100);
    private readonly ConcurrentDictionary<Guid, LiveDocument> _documents = new();
    private readonly CollaborationOptions _options = options.Value;
    private readonly ConcurrentDictionary<Guid, string> _closed = new();

    /// <summary>
    /// Refuses every change to the document from the next batch on, with <paramref name="reason"/>: a submitted
    /// proposal's text is final. Other servers learn of it when they check their editors' rights again.
    /// </summary>
    public void Close(Guid documentId, string reason) => _closed[documentId] = reason;

    /// <summary>Accepts changes again after <see cref="Close"/>, when the step that closed the document failed.</summary>
    public void Reopen(Guid documentId) => _closed.TryRemove(documentId, out _);

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
    /// <remarks>
    /// Submissions to one document are committed one batch at a time: whatever queued up while the previous batch was
    /// being written goes to PostgreSQL in one statement, so a busy document pays one round trip and one flush to disk
    /// per batch rather than per keystroke. Every submission is still answered only after its batch is stored.
    /// </remarks>
    public async Task<SubmitResult> SubmitAsync(Guid documentId, string clientId, long sequence, long baseRevision,
        TextOperation operation, string? userId, CancellationToken ct = default)
    {
        var document = _documents.GetOrAdd(documentId, _ => new LiveDocument());
        var submission = new Submission(clientId, sequence, baseRevision, operation, userId);
        bool startCommitter;
        lock (document.Queue)
        {
            document.Queue.Add(submission);
            startCommitter = !document.Committing;
            document.Committing = true;
        }
        // One committer per document at a time; the submitters only wait for their own outcome, so none of them has
        // to pass through the gate after its batch is stored.
        if (startCommitter) await CommitLoopAsync(documentId, document, submission);
        try
        {
            return await submission.Outcome.Task.WaitAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            lock (document.Queue)
                if (document.Queue.Remove(submission)) throw;
            // Already taken into a batch: its outcome is on the way.
            return await submission.Outcome.Task;
        }
    }

    // Commits batch after batch while submissions keep coming, then stops; the next submission starts it again.
    // The submitter that starts it commits inline (no thread hop when a document is quiet) until its own submission
    // is answered, then hands the rest to a loop of its own so that its answer is not held up by others' batches.
    private async Task CommitLoopAsync(Guid documentId, LiveDocument document, Submission? owner)
    {
        while (true)
        {
            await document.Gate.WaitAsync();
            try
            {
                lock (document.Queue)
                {
                    if (document.Queue.Count == 0)
                    {
                        document.Committing = false;
                        return;
                    }
                }
                if (owner is { Outcome.Task.IsCompleted: true })
                {
                    _ = Task.Run(() => CommitLoopAsync(documentId, document, null), CancellationToken.None);
                    return;
                }
                await CommitQueuedAsync(documentId, document);
            }
            catch (Exception exception)
            {
                // CommitQueuedAsync answers every submission it takes, failures included; this is a last resort so
                // that the loop never stops with submissions left waiting.
                logger.LogError(exception, "Committing to {Document} failed", documentId);
            }
            finally
            {
                document.Gate.Release();
            }
        }
    }

    // Called with the gate held. Every submission taken from the queue gets an outcome, whatever happens.
    private async Task CommitQueuedAsync(Guid documentId, LiveDocument document)
    {
        List<Submission> batch;
        lock (document.Queue)
        {
            batch = document.Queue.Take(MaxBatch).ToList();
            document.Queue.RemoveRange(0, batch.Count);
        }
        try
        {
            // With several servers they take turns, so that this batch is caught up and written while no other server
            // writes the document, rather than racing for its next revision and losing to a busier server.
            await using var turn = _options.TakeTurnsAcrossNodes == true ? await store.TakeTurnAsync(documentId) : null;
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var sequencer = await LoadOrCatchUpAsync(documentId, document, CancellationToken.None,
                    catchUp: turn is not null || batch.Any(s => s.BaseRevision > (document.Sequencer?.Revision ?? -1)));
                var outcomes = new SubmitResult?[batch.Count];
                var errors = new Exception?[batch.Count];
                var toWrite = new List<(CommittedOperation, string?)>();
                var snapshots = new List<(long Revision, string Text)>();
                for (var i = 0; i < batch.Count; i++)
                {
                    var submission = batch[i];
                    try
                    {
                        // Appended here ahead of the write, so that the next submission of the batch is transformed
                        // against this one; if the write fails the sequencer is reloaded from the log.
                        var prepared = sequencer.Prepare(submission.ClientId, submission.Sequence, submission.BaseRevision, submission.Operation);
                        if (prepared.IsDuplicate)
                        {
                            outcomes[i] = new SubmitResult(prepared.Committed, IsDuplicate: true);
                            continue;
                        }
                        if (_closed.TryGetValue(documentId, out var closedBecause)) throw new OperationException(closedBecause);
                        var committed = prepared.Committed;
                        if (committed.Operation.TargetLength > _options.MaxDocumentLength &&
                            committed.Operation.TargetLength > committed.Operation.BaseLength)
                            throw new OperationException($"A proposal may be at most {_options.MaxDocumentLength:N0} characters long.");
                        sequencer.Append(committed);
                        toWrite.Add((committed, submission.UserId));
                        outcomes[i] = new SubmitResult(committed, IsDuplicate: false);
                        if (committed.Revision % _options.SnapshotInterval == 0) snapshots.Add((committed.Revision, sequencer.Text));
                    }
                    catch (OperationException exception)
                    {
                        errors[i] = exception;
                    }
                }

                bool stored;
                try
                {
                    var writing = Stopwatch.GetTimestamp();
                    stored = toWrite.Count == 0 || await store.TryAppendAsync(documentId, toWrite);
                    var took = Stopwatch.GetElapsedTime(writing);
                    if (toWrite.Count > 0) metrics?.BatchStored(took);
                    if (took > SlowWrite)
                        logger.LogWarning("Storing {Count} operations of {Document} took {Milliseconds:F0} ms; everyone in it waited",
                            toWrite.Count, documentId, took.TotalMilliseconds);
                }
                catch
                {
                    // The database may or may not have the batch: reload from the log on next use rather than guess.
                    document.Sequencer = null;
                    throw;
                }
                if (stored)
                {
                    var storedAt = Stopwatch.GetTimestamp();
                    metrics?.OperationsCommitted(toWrite.Count);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        if (errors[i] is { } error) batch[i].Outcome.TrySetException(error);
                        else batch[i].Outcome.TrySetResult(outcomes[i]!);
                    }
                    // Everyone hears of it with the document's next message; the loop goes on with the next batch.
                    broadcaster?.Publish(documentId, toWrite, storedAt);
                    // Snapshots only shorten a reload (the log is the truth), so nobody's answer waits for them.
                    foreach (var (revision, text) in snapshots) await TrySaveSnapshotAsync(documentId, revision, text);
                    return;
                }

                // Another server committed one of these revisions (or one of these very submissions) first: forget
                // what was appended ahead of the write, learn what it wrote, and prepare the batch again.
                logger.LogDebug("Revision {Revision} of {Document} was taken; catching up", toWrite[0].Item1.Revision, documentId);
                document.Sequencer = null;
            }
            throw new InvalidOperationException($"Could not commit to document {documentId} after {MaxAttempts} attempts.");
        }
        catch (Exception exception)
        {
            // Whatever was appended ahead of a write that did not finish is forgotten: the log is the truth.
            document.Sequencer = null;
            foreach (var submission in batch) submission.Outcome.TrySetException(exception);
        }
    }

    // The operations are stored and will be acknowledged; a snapshot is only a shortcut for loading, so a failure to
    // write one is logged and the next one makes up for it.
    private async Task TrySaveSnapshotAsync(Guid documentId, long revision, string text)
    {
        try
        {
            await store.SaveSnapshotAsync(documentId, revision, text);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not store the snapshot of {Document} at revision {Revision}", documentId, revision);
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
        /// <summary>Submissions waiting for the next batch, in arrival order.</summary>
        public List<Submission> Queue { get; } = [];
        /// <summary>Whether a commit loop is running for this document (read and written under the queue's lock).</summary>
        public bool Committing { get; set; }
    }

    // A class, not a record: two identical resends waiting in the queue are two submissions.
    private sealed class Submission(string clientId, long sequence, long baseRevision, TextOperation operation, string? userId)
    {
        public string ClientId { get; } = clientId;
        public long Sequence { get; } = sequence;
        public long BaseRevision { get; } = baseRevision;
        public TextOperation Operation { get; } = operation;
        public string? UserId { get; } = userId;
        public TaskCompletionSource<SubmitResult> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
