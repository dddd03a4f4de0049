using MudBlazor;

namespace DraftingRoom.Web.Components.Layout;

/// <summary>
/// A sober theme in the blue family of United Nations documents, darkened so that text on it keeps a contrast
/// of at least 4.5:1 (WCAG 2.2 AA).
/// </summary>
public static class DraftingRoomTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f8a",
            Secondary = "#5a3e85",
            Tertiary = "#006b5b",
            AppbarBackground = "#0b3d66",
            AppbarText = "#ffffff",
            Background = "#f6f7f9",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1d2733",
            TextPrimary = "#1d2733",
            TextSecondary = "#4a5663",
            Success = "#1b6e33",
            Error = "#b3261e",
            Warning = "#8a5300",
            Info = "#0b4f8a",
            LinesDefault = "#d5dae0",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Noto Sans", "Liberation Sans", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", DrawerWidthLeft = "250px" },
    };
}
