using System.Security.Claims;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Auditing;
using DraftingRoom.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Administration;

/// <summary>Organisations, users and their roles. Only Admins may use it; every change is audited.</summary>
public sealed class AdministrationService(
    DraftingRoomDbContext db,
    UserManager<ApplicationUser> userManager,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<OrganisationView>> ListOrganisationsAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        actor.Demand(actor.CanManageUsers(), "manage organisations");
        return await db.Organisations.AsNoTracking().OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new OrganisationView(o.Id, o.Name, o.Kind, o.RegionalGroup, o.Members.Count))
            .ToListAsync(ct);
    }

    public async Task<Guid> CreateOrganisationAsync(ClaimsPrincipal actor, NewOrganisation input, CancellationToken ct = default)
    {
        actor.Demand(actor.CanManageUsers(), "manage organisations");
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) throw new InvalidInputException("Give the organisation a name.");
        if (name.Length > 200) throw new InvalidInputException("The name is too long: at most 200 characters.");
        if (!Enum.IsDefined(input.Kind)) throw new InvalidInputException("Choose the kind of stakeholder.");
        if (input.Kind == StakeholderKind.MemberState && input.RegionalGroup is null)
            throw new InvalidInputException("A Member State belongs to a regional group: choose one.");
        if (input.Kind != StakeholderKind.MemberState && input.RegionalGroup is not null)
            throw new InvalidInputException("Only Member States have a regional group.");
        if (await db.Organisations.AnyAsync(o => o.Name == name, ct))
            throw new InvalidInputException($"An organisation named \"{name}\" already exists.");
        var organisation = new Organisation
        {
            Name = name, Kind = input.Kind, RegionalGroup = input.RegionalGroup, CreatedAt = clock.GetUtcNow(),
        };
        db.Organisations.Add(organisation);
        db.Record(actor, "organisation.created", nameof(Organisation), organisation.Id, $"{name} ({input.Kind})", clock);
        await db.SaveChangesAsync(ct);
        return organisation.Id;
    }

    public async Task<IReadOnlyList<UserView>> ListUsersAsync(ClaimsPrincipal actor, CancellationToken ct = default)
    {
        actor.Demand(actor.CanManageUsers(), "manage users");
        var users = await db.Users.AsNoTracking().Include(u => u.Organisation).OrderBy(u => u.DisplayName).ToListAsync(ct);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           select new { userRole.UserId, role.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserView(u.Id, u.Email ?? "", u.DisplayName, u.OrganisationId, u.Organisation?.Name,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
                u.LockoutEnd is { } end && end > now))
            .ToList();
    }

    public async Task<string> CreateUserAsync(ClaimsPrincipal actor, NewUser input, CancellationToken ct = default)
    {
        actor.Demand(actor.CanManageUsers(), "manage users");
        var email = input.Email?.Trim() ?? "";
        var displayName = input.DisplayName?.Trim() ?? "";
        if (displayName.Length == 0) throw new InvalidInputException("Give the user's name as it should appear to others.");
        if (displayName.Length > 200) throw new InvalidInputException("The name is too long: at most 200 characters.");
        ValidateRoles(input.Roles);
        if (input.OrganisationId is { } organisationId && !await db.Organisations.AnyAsync(o => o.Id == organisationId, ct))
            throw new InvalidInputException("The organisation chosen does not exist.");

        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName,
            OrganisationId = input.OrganisationId, CreatedAt = clock.GetUtcNow(),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await userManager.CreateAsync(user, input.Password ?? "");
        if (!created.Succeeded) throw new InvalidInputException(Describe(created));
        if (input.Roles.Count > 0)
        {
            var added = await userManager.AddToRolesAsync(user, input.Roles);
            if (!added.Succeeded) throw new InvalidInputException(Describe(added));
        }
        db.Record(actor, "user.created", "User", user.Id, $"{email}: {string.Join(", ", input.Roles)}", clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user.Id;
    }

    public async Task SetRolesAsync(ClaimsPrincipal actor, string userId, IReadOnlyList<string> roles, CancellationToken ct = default)
    {
        actor.Demand(actor.CanManageUsers(), "manage users");
        ValidateRoles(roles);
        var user = await userManager.FindByIdAsync(userId) ?? throw new NotFoundException("This user does not exist.");
        if (user.Id == actor.UserId() && !roles.Contains(Roles.Admin))
            throw new InvalidInputException("You cannot remove your own Admin role: ask another Admin.");
        var current = await userManager.GetRolesAsync(user);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var removed = await userManager.RemoveFromRolesAsync(user, current.Except(roles));
        if (!removed.Succeeded) throw new InvalidInputException(Describe(removed));
        var added = await userManager.AddToRolesAsync(user, roles.Except(current));
        if (!added.Succeeded) throw new InvalidInputException(Describe(added));
        // A new stamp signs the user's open sessions out, so the new roles apply at once.
        await userManager.UpdateSecurityStampAsync(user);
        db.Record(actor, "user.roles-changed", "User", user.Id, $"{user.Email}: {string.Join(", ", roles)}", clock);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static void ValidateRoles(IReadOnlyList<string> roles)
    {
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0) throw new InvalidInputException($"Unknown role: {string.Join(", ", unknown)}.");
    }

    private static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Description));
}
