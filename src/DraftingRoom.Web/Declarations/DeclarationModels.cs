using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Web.Declarations;

public sealed record DeclarationSummary(Guid Id, string Title, string? Symbol, bool IsSample, int PreambularCount,
    int ArticleCount, DateTimeOffset CreatedAt);

public sealed record DeclarationView(Guid Id, string Title, string? Symbol, string? Description, bool IsSample,
    IReadOnlyList<ProvisionView> Preamble, IReadOnlyList<ProvisionView> Articles);

public sealed record ProvisionView(Guid Id, ProvisionKind Kind, int Position, string? Number, string? Title, string Text,
    int Revision)
{
    /// <summary>"Article 3" for an article, null for a preambular paragraph.</summary>
    public string? Heading => Kind == ProvisionKind.Article ? $"Article {Number}" : null;

    /// <summary>The text split into its paragraphs, as separated by blank lines.</summary>
    public IReadOnlyList<string> Paragraphs => ProvisionText.Paragraphs(Text);
}

public sealed record NewDeclaration(string Title, string? Symbol, string? Description);

public sealed record NewProvision(ProvisionKind Kind, string? Number, string? Title, string Text);

public sealed record ProvisionEdit(string? Title, string Text, string Reason);

/// <summary>One official revision of an article.</summary>
/// <param name="ProposalId">The proposal whose acceptance made this revision, if any.</param>
/// <param name="ProposalTitle">That proposal's title.</param>
/// <param name="DecisionNote">The Independent Expert's note on the decision that made this revision.</param>
public sealed record RevisionView(int Number, string Text, string? Title, string? AuthorName, DateTimeOffset CreatedAt,
    string Reason, Guid? ProposalId, string? ProposalTitle, string? DecisionNote);

public enum MoveDirection
{
    Up,
    Down,
}

public static class ProvisionText
{
    /// <summary>Normalises line endings and blank lines, so that stored texts compare and diff cleanly.</summary>
    public static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        var paragraphs = string.Join('\n', lines)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("\n\n", paragraphs);
    }

    public static IReadOnlyList<string> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
