namespace DraftingRoom.Web.Collaboration;

/// <summary>Limits of co-editing, from the "Collaboration" configuration section.</summary>
public sealed class CollaborationOptions
{
    public const string Section = "Collaboration";

    /// <summary>The largest operation accepted, as JSON, in bytes.</summary>
    public int MaxOperationBytes { get; set; } = 64 * 1024;

    /// <summary>The longest text a proposal may grow to, in characters.</summary>
    public int MaxDocumentLength { get; set; } = 100_000;

    /// <summary>How many operations one connection may send in a burst before it is slowed down.</summary>
    public int OperationBurst { get; set; } = 60;

    /// <summary>How many operations per second one connection may send over time.</summary>
    public int OperationsPerSecond { get; set; } = 30;

    /// <summary>A snapshot of a document is stored every this many operations.</summary>
    public int SnapshotInterval { get; set; } = 200;

    /// <summary>How old, in seconds, a connection's edit rights may be before they are checked again; each connection is
    /// checked after a random half to whole of it, so that people who joined together are not all checked at once.</summary>
    public int AccessRecheckSeconds { get; set; } = 10;

    /// <summary>
    /// How many messages a second the server may send, at most, to tell one document's participants what was
    /// committed (one message to each participant per broadcast). A document's broadcasts are spaced so as to stay
    /// within it: whatever is committed meanwhile goes out together. With 20 people in a document that allows a
    /// broadcast every 0.8 ms, with 500 one every 20 ms (capped by <see cref="MaxBroadcastIntervalMilliseconds"/>).
    /// </summary>
    public int BroadcastMessagesPerSecond { get; set; } = 25_000;

    /// <summary>The longest wait, in milliseconds, between two broadcasts of a busy document, however many are in it.</summary>
    public int MaxBroadcastIntervalMilliseconds { get; set; } = 20;

    /// <summary>
    /// Whether servers take turns to commit to a document (a PostgreSQL advisory lock per document, held while a batch
    /// is caught up, transformed and written) instead of racing for its next revision and retrying when they lose.
    /// Unset, it follows the deployment: on when the servers share a Redis (several nodes), off for one server alone,
    /// where there is nobody to take turns with.
    /// </summary>
    public bool? TakeTurnsAcrossNodes { get; set; }

    /// <summary>How many recent operations a server keeps per document to transform late submissions.</summary>
    public int HistoryWindow { get; set; } = 2_000;
}
