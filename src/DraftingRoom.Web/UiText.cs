namespace DraftingRoom.Web;

/// <summary>The resource set of the interface's text (Resources/UiText.resx and its translations).</summary>
public sealed class UiText;
