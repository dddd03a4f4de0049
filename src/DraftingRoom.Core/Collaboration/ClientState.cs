namespace DraftingRoom.Core.Collaboration;

/// <summary>Where an <see cref="OtClient"/> stands with the server, as in ot.js.</summary>
public abstract record ClientState
{
    private ClientState()
    {
    }

    /// <summary>Every local edit has been acknowledged; the local text is the server's text at the client's
    /// revision.</summary>
    public sealed record Synchronized : ClientState
    {
        /// <summary>The one instance.</summary>
        public static Synchronized Instance { get; } = new();
    }

    /// <summary>One operation has been sent and its acknowledgement is awaited.</summary>
    /// <param name="Outstanding">The sent operation, transformed to apply after the client's revision.</param>
    public sealed record AwaitingConfirm(PendingOperation Outstanding) : ClientState;

    /// <summary>One operation has been sent, and later local edits wait in a buffer until it is acknowledged.</summary>
    /// <param name="Outstanding">The sent operation, transformed to apply after the client's revision.</param>
    /// <param name="Buffer">The local edits made since, composed into one operation that applies after
    /// <paramref name="Outstanding"/>.</param>
    public sealed record AwaitingWithBuffer(PendingOperation Outstanding, TextOperation Buffer) : ClientState;
}

/// <summary>A sent, unacknowledged operation.</summary>
/// <param name="Sequence">The client's number for it, reused when it is resent.</param>
/// <param name="Operation">The operation, transformed to apply to the server text at the client's revision.</param>
public sealed record PendingOperation(long Sequence, TextOperation Operation);

/// <summary>An operation for the client to submit to the server.</summary>
/// <param name="ClientId">The submitting client.</param>
/// <param name="Sequence">Its number for the submission.</param>
/// <param name="BaseRevision">The server revision the operation applies to.</param>
/// <param name="Operation">The operation.</param>
public sealed record OutgoingOperation(string ClientId, long Sequence, long BaseRevision, TextOperation Operation);

/// <summary>What the client's owner must do after an event from the server.</summary>
/// <param name="ToApply">Operations to apply to the local document, in order (remote edits, transformed).</param>
/// <param name="ToSend">An operation to submit now, if the acknowledgement freed the buffer.</param>
public sealed record ClientUpdate(IReadOnlyList<TextOperation> ToApply, OutgoingOperation? ToSend)
{
    /// <summary>Nothing to do: the event was a duplicate or is held until the events before it arrive.</summary>
    public static ClientUpdate None { get; } = new([], null);
}
