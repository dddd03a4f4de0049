namespace DraftingRoom.Core.Collaboration;

/// <summary>
/// The client side of the co-editing protocol, as in ot.js's client.js but free of any transport: at most one
/// operation is in flight, later local edits are buffered, and remote operations are transformed against both.
/// </summary>
/// <remarks>
/// <para>Events from the server carry the revision they produced and are processed strictly in revision order: an
/// event ahead of the next expected revision is held (with several server nodes an acknowledgement can overtake the
/// broadcast before it), and an event at or below the current revision is a duplicate and ignored.</para>
/// <para>The outstanding operation and the buffer are transformed as the first argument of
/// <see cref="TextOperation.Transform"/> against each remote operation: the server will commit them after it, and
/// <see cref="DocumentSequencer"/> gives the later-committed operation's inserts the first place at equal positions,
/// so both sides break ties the same way. Not thread-safe.</para>
/// </remarks>
/// <param name="clientId">This editor instance's identifier, unique per document.</param>
/// <param name="revision">The server revision of the text the client starts from.</param>
public sealed class OtClient(string clientId, long revision)
{
    private readonly SortedDictionary<long, TextOperation?> _early = [];
    private long _nextSequence = 1;

    /// <summary>This editor instance's identifier.</summary>
    public string ClientId { get; } = string.IsNullOrEmpty(clientId)
        ? throw new ArgumentException("A client needs an identifier.", nameof(clientId))
        : clientId;

    /// <summary>The last server revision this client has processed.</summary>
    public long Revision { get; private set; } = revision;

    /// <summary>Whether the client is synchronized, awaiting an acknowledgement, or also buffering.</summary>
    public ClientState State { get; private set; } = ClientState.Synchronized.Instance;

    /// <summary>Whether events for later revisions are held because one before them has not arrived; if that lasts,
    /// fetch the operations after <see cref="Revision"/> from the server.</summary>
    public bool HasMissingRevisions => _early.Count > 0;

    /// <summary>
    /// The outstanding operation to submit again after a reconnection, once the client has caught up from
    /// <see cref="Revision"/>: same sequence number, transformed to the current revision. Null when nothing is
    /// outstanding. The buffer, if any, follows in the normal way once the resend is acknowledged.
    /// </summary>
    public OutgoingOperation? PendingToResend => State switch
    {
        ClientState.AwaitingConfirm s => Outgoing(s.Outstanding),
        ClientState.AwaitingWithBuffer s => Outgoing(s.Outstanding),
        _ => null,
    };

    /// <summary>Records an edit the user made to the local document.</summary>
    /// <param name="operation">The edit, applying to the local document as it was.</param>
    /// <returns>The operation to submit now, or null when it waits in the buffer.</returns>
    public OutgoingOperation? ApplyLocal(TextOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        switch (State)
        {
            case ClientState.AwaitingConfirm s:
                State = new ClientState.AwaitingWithBuffer(s.Outstanding, operation);
                return null;
            case ClientState.AwaitingWithBuffer s:
                State = s with { Buffer = TextOperation.Compose(s.Buffer, operation) };
                return null;
            default:
                return Send(operation);
        }
    }

    /// <summary>Handles the server's acknowledgement that the outstanding operation became <paramref name="revision"/>.</summary>
    /// <param name="revision">The revision the outstanding operation produced.</param>
    /// <returns>What to do now; may include remote operations held until this point.</returns>
    /// <exception cref="OperationException">Nothing was outstanding when the acknowledgement's turn came.</exception>
    public ClientUpdate ReceiveAck(long revision) => Enqueue(revision, null);

    /// <summary>Handles another client's operation that the server committed as <paramref name="revision"/>.</summary>
    /// <param name="revision">The revision it produced.</param>
    /// <param name="operation">The operation, applying to the server text at <paramref name="revision"/> - 1.</param>
    /// <returns>What to do now: the operations to apply locally, transformed past the local pending edits.</returns>
    public ClientUpdate ReceiveRemote(long revision, TextOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Enqueue(revision, operation);
    }

    /// <summary>
    /// Handles another client's committed operation as <see cref="ReceiveRemote(long, TextOperation)"/> does, adding
    /// the operations to apply to <paramref name="toApply"/> rather than returning them: a client that receives many
    /// operations at once collects them in one list of its own instead of one result per operation.
    /// </summary>
    /// <param name="revision">The revision it produced.</param>
    /// <param name="operation">The operation, applying to the server text at <paramref name="revision"/> - 1.</param>
    /// <param name="toApply">Where the operations to apply locally are added, in order.</param>
    /// <returns>The operation to submit now, or null.</returns>
    public OutgoingOperation? ReceiveRemote(long revision, TextOperation operation, List<TextOperation> toApply)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(toApply);
        List<TextOperation>? into = toApply;
        OutgoingOperation? toSend = null;
        Collect(revision, operation, ref into, ref toSend);
        return toSend;
    }

    /// <summary>
    /// Handles a committed operation fetched or broadcast from the server; the client's own outstanding operation
    /// counts as its acknowledgement, as after a reconnection.
    /// </summary>
    /// <param name="committed">The committed operation.</param>
    /// <returns>What to do now.</returns>
    public ClientUpdate Receive(CommittedOperation committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        return IsOwnOutstanding(committed)
            ? ReceiveAck(committed.Revision)
            : ReceiveRemote(committed.Revision, committed.Operation);
    }

    /// <summary>
    /// Moves another participant's selection, given at this client's <see cref="Revision"/>, into the local
    /// document, which also holds the edits not yet acknowledged.
    /// </summary>
    /// <remarks>
    /// Unacknowledged text this client inserted exactly at an end of the selection goes after that end, as the browser
    /// editor places remote carets: whatever the participant types there next lands before that text whenever it
    /// reaches the server after it, since of two inserts at one position the one committed later comes first.
    /// </remarks>
    /// <param name="selection">The selection in the server text at <see cref="Revision"/>.</param>
    /// <returns>The selection in the local document.</returns>
    public Selection TransformRemoteSelection(Selection selection) => State switch
    {
        ClientState.AwaitingConfirm s => selection.Transform(s.Outstanding.Operation, stayBeforeInserts: true),
        ClientState.AwaitingWithBuffer s => selection
            .Transform(s.Outstanding.Operation, stayBeforeInserts: true)
            .Transform(s.Buffer, stayBeforeInserts: true),
        _ => selection,
    };

    private bool IsOwnOutstanding(CommittedOperation committed) =>
        committed.ClientId == ClientId
        && State switch
        {
            ClientState.AwaitingConfirm s => s.Outstanding.Sequence == committed.Sequence,
            ClientState.AwaitingWithBuffer s => s.Outstanding.Sequence == committed.Sequence,
            _ => false,
        };

    private ClientUpdate Enqueue(long revision, TextOperation? operation)
    {
        List<TextOperation>? toApply = null;
        OutgoingOperation? toSend = null;
        Collect(revision, operation, ref toApply, ref toSend);
        return toApply is null && toSend is null ? ClientUpdate.None : new ClientUpdate(toApply ?? [], toSend);
    }

    // A null operation stands for an acknowledgement. Events that arrive early wait in _early, which never holds
    // Revision + 1 between two calls; the usual event, the very next revision, does not go through it.
    private void Collect(long revision, TextOperation? operation, ref List<TextOperation>? toApply,
        ref OutgoingOperation? toSend)
    {
        if (revision <= Revision)
        {
            return;
        }

        if (revision == Revision + 1)
        {
            Take(operation, ref toApply, ref toSend);
        }
        else if (!_early.TryAdd(revision, operation))
        {
            return;
        }

        while (_early.Count > 0 && _early.Remove(Revision + 1, out var next))
        {
            Take(next, ref toApply, ref toSend);
        }
    }

    private void Take(TextOperation? operation, ref List<TextOperation>? toApply, ref OutgoingOperation? toSend)
    {
        Revision++;
        if (operation is null)
        {
            toSend = Acknowledge() ?? toSend;
        }
        else
        {
            (toApply ??= []).Add(TransformRemote(operation));
        }
    }

    private OutgoingOperation? Acknowledge()
    {
        switch (State)
        {
            case ClientState.AwaitingConfirm:
                State = ClientState.Synchronized.Instance;
                return null;
            case ClientState.AwaitingWithBuffer s:
                return Send(s.Buffer);
            default:
                throw new OperationException(
                    $"The server acknowledged revision {Revision}, but client {ClientId} had nothing outstanding.");
        }
    }

    private TextOperation TransformRemote(TextOperation remote)
    {
        switch (State)
        {
            case ClientState.AwaitingConfirm s:
            {
                var (outstanding, remotePrime) = TextOperation.Transform(s.Outstanding.Operation, remote);
                State = new ClientState.AwaitingConfirm(s.Outstanding with { Operation = outstanding });
                return remotePrime;
            }

            case ClientState.AwaitingWithBuffer s:
            {
                var (outstanding, afterOutstanding) = TextOperation.Transform(s.Outstanding.Operation, remote);
                var (buffer, remotePrime) = TextOperation.Transform(s.Buffer, afterOutstanding);
                State = new ClientState.AwaitingWithBuffer(s.Outstanding with { Operation = outstanding }, buffer);
                return remotePrime;
            }

            default:
                return remote;
        }
    }

    private OutgoingOperation Send(TextOperation operation)
    {
        var pending = new PendingOperation(_nextSequence++, operation);
        State = new ClientState.AwaitingConfirm(pending);
        return Outgoing(pending);
    }

    private OutgoingOperation Outgoing(PendingOperation pending) =>
        new(ClientId, pending.Sequence, Revision, pending.Operation);
}
