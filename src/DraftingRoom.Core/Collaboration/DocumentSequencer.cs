namespace DraftingRoom.Core.Collaboration;

/// <summary>
/// The server's authority over one document, without any I/O: the current text and revision, and a window of recent
/// committed operations against which late submissions are transformed.
/// </summary>
/// <remarks>
/// <para>A caller that stores revisions creates the sequencer from a snapshot and <see cref="Append"/>s the stored
/// operations after it. To commit a submission it calls <see cref="Prepare"/>, stores the result at its revision (a
/// unique key on document and revision catches a concurrent writer: reload, append, prepare again), then
/// <see cref="Append"/>s it. <see cref="Receive"/> does both steps for callers with nothing to store.</para>
/// <para>An incoming operation is transformed as the first argument of <see cref="TextOperation.Transform"/> against
/// each operation committed since its base revision, so at equal positions the text committed later comes first: of
/// two people typing at the same place at once, the one whose change reaches the server second sees their text land
/// before the other's. <see cref="OtClient"/> breaks ties the same way.</para>
/// <para>Not thread-safe: one document is sequenced by one caller at a time.</para>
/// </remarks>
public sealed class DocumentSequencer
{
    /// <summary>How many committed operations a sequencer keeps unless told otherwise.</summary>
    public const int DefaultHistoryCapacity = 10_000;

    private readonly TextBuffer _text;
    private readonly List<CommittedOperation> _history = [];
    private readonly Dictionary<(string ClientId, long Sequence), CommittedOperation> _bySubmission = [];
    private readonly int _historyCapacity;

    /// <summary>Creates a sequencer from a snapshot of the document.</summary>
    /// <param name="text">The document at <paramref name="revision"/>.</param>
    /// <param name="revision">The revision of the snapshot; 0 for a new document.</param>
    /// <param name="historyCapacity">How many committed operations to keep for transforming late submissions; a
    /// submission based on an older revision is refused.</param>
    public DocumentSequencer(string text = "", long revision = 0, int historyCapacity = DefaultHistoryCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyCapacity, 1);
        _text = new TextBuffer(text);
        Revision = revision;
        _historyCapacity = historyCapacity;
    }

    /// <summary>The revision of the current text: how many operations have been committed.</summary>
    public long Revision { get; private set; }

    /// <summary>The oldest base revision a submission may have; older ones can no longer be transformed.</summary>
    public long OldestBaseRevision => Revision - _history.Count;

    /// <summary>The length of the current text in UTF-16 code units.</summary>
    public int Length => _text.Length;

    /// <summary>The current text.</summary>
    public string Text => _text.ToString();

    /// <summary>The retained operations committed after <paramref name="revision"/>, oldest first: what a client
    /// at that revision has missed.</summary>
    /// <param name="revision">The revision the client has.</param>
    /// <returns>The operations with a revision greater than <paramref name="revision"/>.</returns>
    /// <exception cref="OperationException">The revision is in the future or before the retained history.</exception>
    public IReadOnlyList<CommittedOperation> GetOperationsSince(long revision)
    {
        EnsureKnown(revision);
        return _history.GetRange((int)(revision - OldestBaseRevision), (int)(Revision - revision));
    }

    /// <summary>
    /// Works out what committing a submission would produce, without committing it: the operation transformed to
    /// apply to the current text, as the next revision. A submission already committed is recognised by its
    /// <paramref name="clientId"/> and <paramref name="sequence"/> and answered with its first result.
    /// </summary>
    /// <param name="clientId">The submitting editor instance.</param>
    /// <param name="sequence">Its number for this submission (1, 2, 3…), the same when it is resent.</param>
    /// <param name="baseRevision">The revision the operation was made on.</param>
    /// <param name="operation">The operation, applying to the document at <paramref name="baseRevision"/>.</param>
    /// <returns>The operation to commit at <see cref="Revision"/> + 1, or the earlier result of a duplicate.</returns>
    /// <exception cref="OperationException">The base revision is unknown, the operation does not fit the document at
    /// that revision, or it is too old for the retained history.</exception>
    public SequencerResult Prepare(string clientId, long sequence, long baseRevision, TextOperation operation)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(operation);
        if (sequence < 1)
        {
            throw new OperationException($"Sequence numbers start at 1; {sequence} is not one.");
        }

        if (_bySubmission.TryGetValue((clientId, sequence), out var earlier))
        {
            return new SequencerResult(earlier, IsDuplicate: true);
        }

        // A resend of a submission that has left the history window cannot be recognised, but it cannot slip in
        // twice either: its base revision is older than its first commit, so it is refused below as too old.
        EnsureKnown(baseRevision);
        var start = (int)(baseRevision - OldestBaseRevision);
        var expectedLength = start < _history.Count ? _history[start].Operation.BaseLength : _text.Length;
        if (operation.BaseLength != expectedLength)
        {
            throw new OperationException(
                $"The operation expects a document of {operation.BaseLength} characters but the document had "
                + $"{expectedLength} at revision {baseRevision}.");
        }

        for (var i = start; i < _history.Count; i++)
        {
            operation = TextOperation.TransformFirst(operation, _history[i].Operation);
        }

        _text.EnsureFits(operation);
        return new SequencerResult(new CommittedOperation(Revision + 1, clientId, sequence, operation), IsDuplicate: false);
    }

    /// <summary>
    /// Commits an operation that is already transformed to the current text: the result of <see cref="Prepare"/>, or
    /// an operation loaded from storage.
    /// </summary>
    /// <param name="committed">The operation, whose revision must be <see cref="Revision"/> + 1.</param>
    /// <exception cref="OperationException">The revision is not the next one, the submission is already committed, or
    /// the operation does not fit the current text. Nothing changes then.</exception>
    public void Append(CommittedOperation committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        if (committed.Revision != Revision + 1)
        {
            throw new OperationException(
                $"The document is at revision {Revision}, so the next operation must be revision {Revision + 1}, "
                + $"not {committed.Revision}.");
        }

        if (_bySubmission.ContainsKey((committed.ClientId, committed.Sequence)))
        {
            throw new OperationException(
                $"Operation {committed.Sequence} of client {committed.ClientId} is already committed.");
        }

        _text.Apply(committed.Operation);
        Revision = committed.Revision;
        _history.Add(committed);
        _bySubmission[(committed.ClientId, committed.Sequence)] = committed;
        TrimHistory();
    }

    /// <summary>
    /// Transforms and commits a submission in one step (<see cref="Prepare"/> then <see cref="Append"/>); a resend of
    /// a committed submission is answered with its first result and applied only once.
    /// </summary>
    /// <param name="clientId">The submitting editor instance.</param>
    /// <param name="sequence">Its number for this submission.</param>
    /// <param name="baseRevision">The revision the operation was made on.</param>
    /// <param name="operation">The operation, applying to the document at <paramref name="baseRevision"/>.</param>
    /// <returns>The committed operation and whether it had been committed before.</returns>
    /// <exception cref="OperationException">As for <see cref="Prepare"/>.</exception>
    public SequencerResult Receive(string clientId, long sequence, long baseRevision, TextOperation operation)
    {
        var result = Prepare(clientId, sequence, baseRevision, operation);
        if (!result.IsDuplicate)
        {
            Append(result.Committed);
        }

        return result;
    }

    private void EnsureKnown(long revision)
    {
        if (revision > Revision)
        {
            throw new OperationException(
                $"Revision {revision} does not exist yet: the document is at revision {Revision}.");
        }

        if (revision < OldestBaseRevision)
        {
            throw new OperationException(
                $"Revision {revision} is older than the history kept for this document (from revision "
                + $"{OldestBaseRevision}); reload the document and apply the change again.");
        }
    }

    // Trims in batches so that each commit costs O(1) amortised rather than shifting the whole list.
    private void TrimHistory()
    {
        if (_history.Count < 2 * _historyCapacity)
        {
            return;
        }

        var drop = _history.Count - _historyCapacity;
        foreach (var old in _history.Take(drop))
        {
            _bySubmission.Remove((old.ClientId, old.Sequence));
        }

        _history.RemoveRange(0, drop);
    }
}
