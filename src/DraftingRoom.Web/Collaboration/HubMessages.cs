using System.Text.Json;

namespace DraftingRoom.Web.Collaboration;

// The shapes of docs/collaboration-protocol.md. Operations travel in their JSON wire form.

public sealed record SelectionRange(int Anchor, int Head);

public sealed record Participant(string ConnectionId, string UserId, string Name, string? Organisation, string Colour,
    bool CanEdit, SelectionRange? Selection, long Revision);

public sealed record DocumentSnapshotMessage(string DocumentId, long Revision, string Text, bool CanEdit, string ConnectionId,
    IReadOnlyList<Participant> Participants);

public sealed record OperationAck(long Revision);

public sealed record CommittedOperationMessage(long Revision, string ClientId, long Sequence, JsonElement Operation, string? UserId);
