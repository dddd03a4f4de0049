using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Web.Data;

/// <summary>A declaration being drafted: its articles, their history and, later, its versions.</summary>
public sealed class Declaration
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    /// <summary>A UN document symbol such as "A/HRC/35/35, annex", when there is one.</summary>
    public string? Symbol { get; set; }
    public string? Description { get; set; }
    /// <summary>Marks demonstration content so nobody mistakes it for an official text.</summary>
    public bool IsSample { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
    public List<Article> Articles { get; set; } = [];
}

/// <summary>
/// A preambular paragraph or an operative article. Its <see cref="Id"/> is stable: renumbering and reordering change
/// <see cref="Position"/> and <see cref="Number"/>, never the id, so comments and proposals follow the article.
/// </summary>
public sealed class Article
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DeclarationId { get; set; }
    public Declaration? Declaration { get; set; }
    public ProvisionKind Kind { get; set; }
    /// <summary>Order within the declaration (preambular paragraphs first), starting at 1.</summary>
    public int Position { get; set; }
    /// <summary>The number label of an operative article without the word "Article" ("1", "3 bis"); null in the preamble.</summary>
    public string? Number { get; set; }
    public string? Title { get; set; }
    /// <summary>The current official text: a copy of the latest revision's text, kept for fast reading.</summary>
    public string Text { get; set; } = "";
    public int CurrentRevision { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public List<ArticleRevision> Revisions { get; set; } = [];
    /// <summary>PostgreSQL's row version, so that two concurrent edits of one article cannot overwrite each other.</summary>
    public uint RowVersion { get; set; }
}

/// <summary>One state of an article's official text. Revisions are never changed or deleted.</summary>
public sealed class ArticleRevision
{
    public long Id { get; set; }
    public Guid ArticleId { get; set; }
    public Article? Article { get; set; }
    /// <summary>1 for the first text, then 2, 3…</summary>
    public int Number { get; set; }
    public required string Text { get; set; }
    public string? Title { get; set; }
    public string? AuthorId { get; set; }
    public ApplicationUser? Author { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Reason { get; set; }
    /// <summary>The proposal whose acceptance made this revision.</summary>
    public Guid? ProposalId { get; set; }
    public Proposal? Proposal { get; set; }
    /// <summary>The Independent Expert's note on the decision that made this revision.</summary>
    public string? DecisionNote { get; set; }
}

public enum StakeholderKind
{
    MemberState = 0,
    ObserverState = 1,
    CivilSocietyOrganisation = 2,
    NationalHumanRightsInstitution = 3,
    UnEntityOrIntergovernmentalOrganisation = 4,
    AcademicOrExpert = 5,
    Secretariat = 6,
}

/// <summary>The five United Nations regional groups of Member States.</summary>
public enum RegionalGroup
{
    AfricanStates = 0,
    AsiaPacificStates = 1,
    EasternEuropeanStates = 2,
    LatinAmericanAndCaribbeanStates = 3,
    WesternEuropeanAndOtherStates = 4,
}

public sealed class Organisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public StakeholderKind Kind { get; set; }
    /// <summary>Set for Member States only.</summary>
    public RegionalGroup? RegionalGroup { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<ApplicationUser> Members { get; set; } = [];
}

/// <summary>Who did what, and when. Written in the same transaction as the change it records.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Summary { get; set; }
}
