using System.Security.Claims;
using DraftingRoom.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DraftingRoom.Web.Accounts;

/// <summary>Adds the display name and organisation to the sign-in cookie, so pages and the hub need no lookup.</summary>
internal sealed class DraftingRoomClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options,
    DraftingRoomDbContext db)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DraftingRoomClaims.DisplayName, user.DisplayName));
        if (user.OrganisationId is { } organisationId)
        {
            var name = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync();
            identity.AddClaim(new Claim(DraftingRoomClaims.OrganisationId, organisationId.ToString()));
            if (name is not null) identity.AddClaim(new Claim(DraftingRoomClaims.OrganisationName, name));
        }
        return identity;
    }
}
