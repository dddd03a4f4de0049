using System.Globalization;

namespace DraftingRoom.Web.Components.Pages.Proposals;

/// <summary>Dates and times as the consultation pages show them: in the reader's language, times in UTC.</summary>
public static class Dates
{
    public static string Day(DateTimeOffset date) =>
        date.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string DayAndTime(DateTimeOffset date) =>
        date.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.CurrentCulture);

    /// <summary>For the datetime attribute of a time element.</summary>
    public static string Iso(DateTimeOffset date) => date.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
