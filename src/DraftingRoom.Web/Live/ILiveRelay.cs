namespace DraftingRoom.Web.Live;

public enum LiveChangeKind
{
    Declaration,
    User,
}

/// <summary>A change <see cref="LiveNotifier"/> announces: a declaration (by id) or a user's notifications (by user id).</summary>
public readonly record struct LiveChange(LiveChangeKind Kind, string Key);

/// <summary>Carries <see cref="LiveNotifier"/>'s changes between app nodes (<see cref="RedisLiveRelay"/>).</summary>
public interface ILiveRelay
{
    /// <summary>Sends a change made on this node to the other nodes. Never throws: a lost change is only late news.</summary>
    void Send(LiveChange change);

    /// <summary>Gives <paramref name="deliver"/> every change the other nodes send (not this node's own).</summary>
    void Listen(Action<LiveChange> deliver);
}
