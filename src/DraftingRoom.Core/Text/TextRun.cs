// The namespace is not DraftingRoom.Core.Text, matching the folder: a namespace called Text would hide Open XML's
// Text element from every file in a DraftingRoom.Core.* namespace that imports it.
namespace DraftingRoom.Core.CommentText;

/// <summary>
/// A piece of a comment as <see cref="PlainTextWithLinks.Parse"/> splits it: a <see cref="PlainTextRun"/>, a
/// <see cref="LineBreakRun"/> or a <see cref="LinkRun"/>. Runs carry text, never markup: render plain text as text
/// nodes, a line break as <c>&lt;br&gt;</c>, and a link as <c>&lt;a href="…" rel="noopener noreferrer nofollow ugc"
/// target="_blank"&gt;</c> with its text as a text node.
/// </summary>
public abstract record TextRun;

/// <summary>Text shown as it is, whatever characters it contains.</summary>
/// <param name="Text">The text; never empty, never containing a line break.</param>
public sealed record PlainTextRun(string Text) : TextRun;

/// <summary>A line break of the comment (CR LF, LF, CR, NEL, or the Unicode line or paragraph separator).</summary>
public sealed record LineBreakRun : TextRun
{
    /// <summary>The line break; all line breaks are equal.</summary>
    public static LineBreakRun Instance { get; } = new();
}

/// <summary>A web address written in the comment.</summary>
/// <param name="Href">The address to link to: always an absolute <c>http</c> or <c>https</c> URL without user
/// information (<c>https://</c> is added in front of an address written from <c>www.</c>).</param>
/// <param name="Text">The address as written in the comment, to show as the link's text.</param>
public sealed record LinkRun(string Href, string Text) : TextRun;
