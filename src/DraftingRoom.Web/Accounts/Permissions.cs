using System.Security.Claims;

namespace DraftingRoom.Web.Accounts;

/// <summary>
/// Who may do what. Services call these checks where each action runs; pages use the same checks only to decide
/// which controls to show.
/// </summary>
public static class Permissions
{
    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    public static bool CanRead(this ClaimsPrincipal user) => user.IsSignedIn();

    /// <summary>Create declarations, edit, reorder, renumber and delete articles, import drafts.</summary>
    public static bool CanEditDeclarations(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.IndependentExpert) || user.IsInRole(Roles.Secretariat);

    public static bool CanManageUsers(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    public static bool CanBrowseAudit(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) || user.IsInRole(Roles.IndependentExpert);

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DraftingRoomClaims.DisplayName) ?? user.Identity?.Name ?? "";

    public static void Demand(this ClaimsPrincipal user, bool allowed, string action)
    {
        if (!user.IsSignedIn()) throw new AccessDeniedException($"Sign in to {action}.");
        if (!allowed) throw new AccessDeniedException($"Your role does not allow you to {action}.");
    }
}

public static class DraftingRoomClaims
{
    public const string DisplayName = "draftingroom:display_name";
    public const string OrganisationId = "draftingroom:organisation_id";
    public const string OrganisationName = "draftingroom:organisation_name";
}

/// <summary>The caller may not perform the action. The message says why, in words a user understands.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>The input cannot be accepted. The message says what to change; nothing was stored.</summary>
public sealed class InvalidInputException(string message) : Exception(message);

/// <summary>The thing asked for does not exist (or the caller may not know it exists).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Someone else changed the same thing meanwhile. Nothing was stored; reload and try again.</summary>
public sealed class ConflictException(string message) : Exception(message);
