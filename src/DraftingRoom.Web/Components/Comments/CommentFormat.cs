using System.Globalization;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Data;
using Microsoft.Extensions.Localization;

namespace DraftingRoom.Web.Components.Comments;

/// <summary>How comments name their authors and dates.</summary>
public static class CommentFormat
{
    /// <summary>A date and time as the rest of DraftingRoom shows them: in UTC, with the current culture's month names.</summary>
    public static string Date(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("d MMMM yyyy, HH:mm 'UTC'", CultureInfo.CurrentCulture);

    public static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"Member State, African States" or "Civil society organisation".</summary>
    public static string? Kind(IStringLocalizer L, StakeholderKind? kind, RegionalGroup? group)
    {
        if (kind is null) return null;
        var text = L[$"Kind_{kind}"].Value;
        return group is { } g ? string.Format(L["Comments_KindInGroup"], text, L[$"Group_{g}"]) : text;
    }

    public static string Status(IStringLocalizer L, CommentStatus status) => L[$"Comments_Status{status}"];

    /// <summary>How many comments a list of threads holds, replies included.</summary>
    public static int Count(IEnumerable<CommentThread> threads) => threads.Sum(t => 1 + t.Replies.Count);
}
