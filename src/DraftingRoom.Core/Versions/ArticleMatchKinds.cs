namespace DraftingRoom.Core.Versions;

/// <summary>How a provision changed from one version to the next. Several may apply at once.</summary>
[Flags]
public enum ArticleMatchKinds
{
    /// <summary>No flag; never returned by <see cref="ArticleMatcher"/>.</summary>
    None = 0,

    /// <summary>Same text, title and number, in the same place relative to its neighbours.</summary>
    Unchanged = 1,

    /// <summary>The text differs.</summary>
    TextChanged = 1 << 1,

    /// <summary>The article's title differs.</summary>
    TitleChanged = 1 << 2,

    /// <summary>The article's number differs ("Article 5 (was Article 4)"). Preambular paragraphs have no numbers.</summary>
    Renumbered = 1 << 3,

    /// <summary>The provision changed place relative to its neighbours.</summary>
    Moved = 1 << 4,

    /// <summary>The provision is only in the newer version.</summary>
    Added = 1 << 5,

    /// <summary>The provision is only in the older version.</summary>
    Removed = 1 << 6,

    /// <summary>One provision of the older version became several of the newer one.</summary>
    Split = 1 << 7,

    /// <summary>Several provisions of the older version became one of the newer one.</summary>
    Merged = 1 << 8,
}
