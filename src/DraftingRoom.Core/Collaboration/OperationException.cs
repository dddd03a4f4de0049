namespace DraftingRoom.Core.Collaboration;

/// <summary>
/// Thrown when a text operation is malformed, does not fit the document it is applied to, would split a character
/// (a UTF-16 surrogate pair), or arrives at a revision the server or client cannot accept. The message is written for
/// the person who has to act on it: it says what was expected and what was found.
/// </summary>
/// <param name="message">What went wrong, in plain words.</param>
/// <param name="innerException">The lower-level failure, for example a JSON syntax error, if any.</param>
public sealed class OperationException(string message, Exception? innerException = null)
    : Exception(message, innerException);
