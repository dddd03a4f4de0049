using System.Collections.Concurrent;
using System.Text.Json;
using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Benchmarks.CoEditing;

/// <summary>
/// The committed operations the load clients have read, by revision, shared by every client of the run. Each client
/// still receives and scans every message, and applies every operation to its own text; but an operation's JSON is
/// turned into a <see cref="TextOperation"/> only by the first client to read it, so that five hundred clients on the
/// app's own two cores do not parse five hundred copies of it. A client that reads a revision already known checks
/// the client id and sequence it was sent against those of the known one (a mismatch is reported as a fork).
/// </summary>
internal sealed class ParsedOperations
{
    private readonly ConcurrentDictionary<long, CommittedOperation> _byRevision = new();

    /// <summary>
    /// Reads one committed operation ({ revision, clientId, sequence, operation, userId }), the reader on its start;
    /// leaves the reader on its end.
    /// </summary>
    public CommittedOperation Read(ref Utf8JsonReader reader)
    {
        long revision = 0, sequence = 0;
        string? clientId = null;
        TextOperation? operation = null;
        CommittedOperation? known = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("revision"u8))
            {
                reader.Read();
                revision = reader.GetInt64();
                _byRevision.TryGetValue(revision, out known);
            }
            else if (reader.ValueTextEquals("clientId"u8))
            {
                reader.Read();
                clientId = known is not null && reader.ValueTextEquals(known.ClientId) ? known.ClientId : reader.GetString();
            }
            else if (reader.ValueTextEquals("sequence"u8))
            {
                reader.Read();
                sequence = reader.GetInt64();
            }
            else if (reader.ValueTextEquals("operation"u8) && known is null)
            {
                reader.Read();
                operation = JsonSerializer.Deserialize<TextOperation>(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (known is not null) return known.ClientId == clientId && known.Sequence == sequence
            ? known
            : new CommittedOperation(revision, clientId ?? "", sequence, known.Operation);
        var read = new CommittedOperation(revision, clientId ?? "", sequence,
            operation ?? throw new InvalidDataException($"Revision {revision} came without its operation."));
        return _byRevision.GetOrAdd(revision, read);
    }
}
