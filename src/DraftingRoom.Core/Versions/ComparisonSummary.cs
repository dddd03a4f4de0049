namespace DraftingRoom.Core.Versions;

/// <summary>The counts a comparison of two versions is summed up with.</summary>
/// <param name="ArticlesChanged">Articles matched one to one whose text or title changed.</param>
/// <param name="ArticlesAdded">Articles only in the newer version.</param>
/// <param name="ArticlesRemoved">Articles only in the older version.</param>
/// <param name="ArticlesMoved">Articles (or splits and merges) that changed place relative to their neighbours.</param>
/// <param name="ArticlesRenumbered">Articles (or splits and merges) whose number changed.</param>
/// <param name="ArticlesSplit">Old articles split into several.</param>
/// <param name="ArticlesMerged">New articles made by merging several.</param>
/// <param name="PreambularParagraphsChanged">Preambular paragraphs matched one to one whose text changed.</param>
/// <param name="PreambularParagraphsAdded">Preambular paragraphs only in the newer version.</param>
/// <param name="PreambularParagraphsRemoved">Preambular paragraphs only in the older version.</param>
/// <param name="PreambularParagraphsMoved">Preambular paragraphs that changed place relative to their neighbours.</param>
/// <param name="WordsAdded">Words inserted, over all provisions (punctuation and white space not counted).</param>
/// <param name="WordsRemoved">Words deleted, over all provisions.</param>
/// <param name="TitleChanged">Whether the declaration's title changed.</param>
public sealed record ComparisonSummary(
    int ArticlesChanged,
    int ArticlesAdded,
    int ArticlesRemoved,
    int ArticlesMoved,
    int ArticlesRenumbered,
    int ArticlesSplit,
    int ArticlesMerged,
    int PreambularParagraphsChanged,
    int PreambularParagraphsAdded,
    int PreambularParagraphsRemoved,
    int PreambularParagraphsMoved,
    int WordsAdded,
    int WordsRemoved,
    bool TitleChanged)
{
    /// <summary>Whether the two versions differ in any provision or in their title.</summary>
    public bool HasDifferences =>
        TitleChanged || ArticlesChanged + ArticlesAdded + ArticlesRemoved + ArticlesMoved + ArticlesRenumbered
        + ArticlesSplit + ArticlesMerged + PreambularParagraphsChanged + PreambularParagraphsAdded
        + PreambularParagraphsRemoved + PreambularParagraphsMoved > 0;
}
