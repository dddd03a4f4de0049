namespace DraftingRoom.Core.Drafting;

/// <summary>The kinds of provision a draft declaration is made of.</summary>
public enum ProvisionKind
{
    /// <summary>A paragraph of the preamble, before the first article ("Recalling…", "Reaffirming…").</summary>
    PreambularParagraph,

    /// <summary>An operative article ("Article 1", "Article 3 bis").</summary>
    Article,
}
