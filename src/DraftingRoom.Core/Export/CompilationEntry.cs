namespace DraftingRoom.Core.Export;

/// <summary>One comment or proposal in a compilation of the comments received on a declaration.</summary>
/// <param name="ArticleLabel">The provision it is about ("Article 5", "Preambular paragraph 3", "General comments").</param>
/// <param name="ArticleOrder">Where that provision comes in the compilation; entries are grouped and sorted by it.</param>
/// <param name="Kind">"comment" or "proposal".</param>
/// <param name="StakeholderKind">
/// The kind of stakeholder who sent it: one of <see cref="StakeholderKinds"/> by name ("Member States") or by code
/// ("MemberState"); others are listed after them.
/// </param>
/// <param name="Organisation">The State or organisation it comes from.</param>
/// <param name="Author">The person who submitted it.</param>
/// <param name="Date">When it was submitted.</param>
/// <param name="Status">Where it stands ("Submitted", "Accepted", "Taken into account").</param>
/// <param name="Text">What it says; paragraphs separated by blank lines.</param>
public sealed record CompilationEntry(
    string ArticleLabel,
    int ArticleOrder,
    string Kind,
    string StakeholderKind,
    string Organisation,
    string Author,
    DateTimeOffset Date,
    string Status,
    string Text);

/// <summary>A compilation of the comments and proposals received on a declaration, as published after a round.</summary>
/// <param name="Title">The compilation's title ("Compilation of comments on the draft declaration").</param>
/// <param name="RoundLabel">The consultation round ("First round, 2026"), or <see langword="null"/>.</param>
/// <param name="Entries">The comments and proposals, in any order.</param>
public sealed record CompilationDocument(string Title, string? RoundLabel, IReadOnlyList<CompilationEntry> Entries);
