using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Web.Data;

/// <summary>
/// An immutable, named snapshot of a whole declaration ("Draft declaration (2017)", "Revised draft, March 2027"):
/// published by the Independent Expert, or imported from a draft made elsewhere. Never changed after it is saved.
/// </summary>
public sealed class DeclarationVersion
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DeclarationId { get; set; }
    public Declaration? Declaration { get; set; }
    /// <summary>1 for the first version of a declaration, then 2, 3…</summary>
    public int Number { get; set; }
    public required string Label { get; set; }
    public string? Title { get; set; }
    public string? Symbol { get; set; }
    public DateOnly? Date { get; set; }
    public string? Note { get; set; }
    /// <summary>Imported from a file: its provisions have no stable ids and are matched by number and text.</summary>
    public bool IsImported { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public string? PublishedById { get; set; }
    public ApplicationUser? PublishedBy { get; set; }
    public List<VersionProvisionRecord> Provisions { get; set; } = [];
}

/// <summary>One provision as it stood in a version.</summary>
public sealed class VersionProvisionRecord
{
    public Guid VersionId { get; set; }
    public int Position { get; set; }
    /// <summary>The article's stable id; null for imported versions.</summary>
    public Guid? ArticleId { get; set; }
    public ProvisionKind Kind { get; set; }
    public string? Number { get; set; }
    public string? Title { get; set; }
    public required string Text { get; set; }
    /// <summary>The article revision the text comes from, for published versions.</summary>
    public int? ArticleRevision { get; set; }
}
