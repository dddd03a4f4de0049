using DraftingRoom.Web.Notifications;
using Microsoft.Extensions.Localization;

namespace DraftingRoom.Web.Components.Pages.Notifications;

/// <summary>A notification's sentence, composed in the reader's language from its kind, subject and actor.</summary>
public static class NotificationText
{
    public static string Compose(IStringLocalizer<UiText> l, NotificationView notification)
    {
        var actor = string.IsNullOrWhiteSpace(notification.ActorName) ? l["Notification_Someone"].Value : notification.ActorName;
        var template = l[$"Notification_{notification.Kind}"];
        return template.ResourceNotFound
            ? string.Format(l["Notification_Other"], actor, notification.Subject)
            : string.Format(template, actor, notification.Subject);
    }
}
