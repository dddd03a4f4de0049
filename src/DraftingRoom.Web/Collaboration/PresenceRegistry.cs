using System.Collections.Concurrent;

namespace DraftingRoom.Web.Collaboration;

/// <summary>Who is in each document on this server, with their caret and selection.</summary>
public sealed class PresenceRegistry
{
    // Colours dark enough for white name labels (contrast at least 4.5:1), distinct from one another.
    private static readonly string[] Palette =
        ["#1f5fa8", "#a33a1b", "#1d6b3a", "#7a3e9d", "#8a5a00", "#0b6e75", "#b0206b", "#4b5a1e"];

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, Participant>> _documents = new();

    public static string ColourFor(string userId) =>
        Palette[(int)((uint)string.GetHashCode(userId, StringComparison.Ordinal) % Palette.Length)];

    /// <summary>
    /// Adds a participant with a colour of their own in this document: the colour they already have in another tab,
    /// else the first one nobody uses.
    /// </summary>
    public IReadOnlyList<Participant> Join(Guid documentId, Participant participant)
    {
        var participants = _documents.GetOrAdd(documentId, _ => new());
        lock (participants)
        {
            var others = participants.Values.Where(p => p.ConnectionId != participant.ConnectionId).ToList();
            var colour = others.FirstOrDefault(p => p.UserId == participant.UserId)?.Colour
                         ?? Palette.FirstOrDefault(c => others.All(p => p.Colour != c))
                         ?? ColourFor(participant.UserId);
            participants[participant.ConnectionId] = participant with { Colour = colour };
        }
        return Snapshot(participants);
    }

    public Participant? UpdateSelection(Guid documentId, string connectionId, SelectionRange? selection, long revision)
    {
        if (!_documents.TryGetValue(documentId, out var participants) ||
            !participants.TryGetValue(connectionId, out var participant)) return null;
        var updated = participant with { Selection = selection, Revision = revision };
        participants[connectionId] = updated;
        return updated;
    }

    public IReadOnlyList<Participant>? Leave(Guid documentId, string connectionId)
    {
        if (!_documents.TryGetValue(documentId, out var participants) || !participants.TryRemove(connectionId, out _))
            return null;
        return Snapshot(participants);
    }

    /// <summary>Removes a closed connection from every document; returns the documents it was in.</summary>
    public IReadOnlyList<(Guid DocumentId, IReadOnlyList<Participant> Remaining)> LeaveAll(string connectionId)
    {
        var left = new List<(Guid, IReadOnlyList<Participant>)>();
        foreach (var (documentId, participants) in _documents)
            if (participants.TryRemove(connectionId, out _)) left.Add((documentId, Snapshot(participants)));
        return left;
    }

    /// <summary>How many connections on this server are in the document.</summary>
    public int CountIn(Guid documentId) => _documents.TryGetValue(documentId, out var participants) ? participants.Count : 0;

    public int ConnectedCount => _documents.Values.Sum(p => p.Count);

    private static IReadOnlyList<Participant> Snapshot(ConcurrentDictionary<string, Participant> participants) =>
        participants.Values.OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
}
