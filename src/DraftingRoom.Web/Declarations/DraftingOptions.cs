namespace DraftingRoom.Web.Declarations;

/// <summary>Limits on what users may store, from the "Drafting" configuration section.</summary>
public sealed class DraftingOptions
{
    public const string Section = "Drafting";

    /// <summary>The longest text of one article or preambular paragraph, in characters.</summary>
    public int MaxArticleLength { get; set; } = 20_000;

    /// <summary>The largest file that may be uploaded for import, in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}
