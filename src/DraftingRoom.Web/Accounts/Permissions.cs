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

    /// <summary>Comment and reply (while a round is open, for participants).</summary>
    public static bool CanComment(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Participant) || user.IsInRole(Roles.IndependentExpert) || user.IsInRole(Roles.Secretariat);

    /// <summary>Mark comments addressed, hide abusive ones.</summary>
    public static bool CanModerate(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Secretariat) || user.IsInRole(Roles.IndependentExpert);

    /// <summary>Co-sponsor, on behalf of one's organisation, a proposal submitted by another.</summary>
    public static bool CanEndorse(this ClaimsPrincipal user) => user.IsInRole(Roles.Participant);

    /// <summary>Accept or reject proposals.</summary>
    public static bool CanDecide(this ClaimsPrincipal user) => user.IsInRole(Roles.IndependentExpert);

    public static bool CanManageRounds(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.IndependentExpert) || user.IsInRole(Roles.Secretariat);

    /// <summary>
    /// The Independent Expert and the Secretariat hold the pen: consultation rounds do not restrict them, and they
    /// may edit any draft proposal.
    /// </summary>
    public static bool HoldsThePen(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.IndependentExpert) || user.IsInRole(Roles.Secretariat);

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The organisation the user belongs to, as the sign-in recorded it.</summary>
    public static Guid? OrganisationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(DraftingRoomClaims.OrganisationId), out var id) ? id : null;

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
public class InvalidInputException(string message) : Exception(message);

/// <summary>The errors whose message is written for the user: pages show them as they are.</summary>
public static class UserFacingErrors
{
    public static bool Is(Exception exception) =>
        exception is InvalidInputException or AccessDeniedException or NotFoundException or ConflictException;
}

/// <summary>The thing asked for does not exist (or the caller may not know it exists).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>Someone else changed the same thing meanwhile. Nothing was stored; reload and try again.</summary>
public sealed class ConflictException(string message) : Exception(message);
