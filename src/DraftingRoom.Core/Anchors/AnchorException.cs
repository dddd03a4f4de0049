namespace DraftingRoom.Core.Anchors;

/// <summary>
/// Thrown when a comment anchor is invalid: outside its text, empty, splitting a character made of two UTF-16 code
/// units, or not matching the text it is said to quote. The message says what was expected and what was found.
/// </summary>
/// <param name="paramName">The argument at fault.</param>
/// <param name="actualValue">Its value.</param>
/// <param name="message">What is wrong, in plain words.</param>
public sealed class AnchorException(string paramName, object? actualValue, string message)
    : ArgumentOutOfRangeException(paramName, actualValue, message);
