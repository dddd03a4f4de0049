namespace DraftingRoom.Core.Collaboration;

/// <summary>
/// An operation the server has committed: it turned revision <see cref="Revision"/> - 1 into <see cref="Revision"/>.
/// <see cref="ClientId"/> and <see cref="Sequence"/> name the submission it came from, so that a resend is recognised.
/// </summary>
/// <param name="Revision">The revision this operation produced (the first operation of a document produces 1).</param>
/// <param name="ClientId">The editor instance that submitted it.</param>
/// <param name="Sequence">That client's number for the submission: 1, 2, 3…</param>
/// <param name="Operation">The operation as committed, applying to the document at revision <see cref="Revision"/> - 1.</param>
public sealed record CommittedOperation(long Revision, string ClientId, long Sequence, TextOperation Operation);

/// <summary>What <see cref="DocumentSequencer"/> made of a submission.</summary>
/// <param name="Committed">The committed operation: new, or the one committed for an earlier copy of the same submission.</param>
/// <param name="IsDuplicate">True when the submission had already been committed and nothing new was done.</param>
public sealed record SequencerResult(CommittedOperation Committed, bool IsDuplicate);
