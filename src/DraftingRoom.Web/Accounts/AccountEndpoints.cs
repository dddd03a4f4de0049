using DraftingRoom.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace DraftingRoom.Web.Accounts;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        });

        endpoints.MapGet("/culture/set", (HttpContext context, string culture, string? returnUrl) =>
        {
            if (!Hosting.ServiceRegistration.SupportedCultures.Contains(culture)) return Results.BadRequest("Unknown language.");
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { IsEssential = true, MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        });
    }

    /// <summary>Only local paths, so that a crafted link cannot send a user to another site after signing in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") &&
        !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}
