using DraftingRoom.Core.Merging;

namespace DraftingRoom.Web.Decisions;

public enum DecisionKind
{
    Accept,
    AcceptWithChanges,
    Reject,
}

/// <summary>
/// The Independent Expert's decision on a submitted proposal.
/// </summary>
/// <param name="Kind">Accept, accept with changes, or reject.</param>
/// <param name="Note">The decision note, shown to all (required for a rejection: the reasons).</param>
/// <param name="Text">The text to adopt: required to accept with changes, or to accept a merge with conflicts once
/// they are settled; otherwise null, and the merge is taken as it is.</param>
/// <param name="OfficialRevisionSeen">The official revision the Independent Expert reviewed the merge against.</param>
public sealed record DecisionRequest(DecisionKind Kind, string? Note, string? Text, int OfficialRevisionSeen);

/// <summary>
/// What the Independent Expert reviews before deciding: the proposal's text merged, word by word, with the current
/// official text when that changed since the proposal's base.
/// </summary>
public sealed record DecisionPreview(
    Guid ProposalId,
    string BaseText,
    int BaseRevision,
    string OfficialText,
    int OfficialRevision,
    string ProposedText,
    MergeResult Merge)
{
    /// <summary>The official text moved on since the proposal started from it.</summary>
    public bool OfficialTextChanged => OfficialRevision != BaseRevision && OfficialText != BaseText;
}
