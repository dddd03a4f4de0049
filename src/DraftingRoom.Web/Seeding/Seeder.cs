using DraftingRoom.Core.Import;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DraftingRoom.Web.Seeding;

/// <summary>
/// Fills an empty database: roles always; the first Admin when configured; demo accounts and the sample declaration
/// when the environment asks for them (Development does). Runs at every start and adds only what is missing.
/// </summary>
public sealed class Seeder(
    DraftingRoomDbContext db,
    RoleManager<IdentityRole> roleManager,
    UserManager<ApplicationUser> userManager,
    ImportService importService,
    SampleConsultation sampleConsultation,
    IOptions<SeedOptions> options,
    IWebHostEnvironment environment,
    TimeProvider clock,
    ILogger<Seeder> logger)
{
    private readonly SeedOptions _options = options.Value;

    public const string SampleTitle = "Sample: Draft declaration on the right to international solidarity (demonstration text)";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
            if (!await roleManager.RoleExistsAsync(role))
                Check(await roleManager.CreateAsync(new IdentityRole(role)), $"create the role {role}");

        await SeedFirstAdminAsync();
        if (_options.DemoAccounts) await SeedDemoAccountsAsync(ct);
        if (_options.SampleDeclaration) await SeedSampleDeclarationAsync(ct);
        if (_options.SampleConsultation && _options.DemoAccounts &&
            await db.Declarations.Where(d => d.IsSample).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct) is { } sampleId)
            await sampleConsultation.SeedAsync(sampleId, ct);
    }

    private async Task SeedFirstAdminAsync()
    {
        if (string.IsNullOrWhiteSpace(_options.AdminEmail)) return;
        if ((await userManager.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;
        if (string.IsNullOrEmpty(_options.AdminPassword))
            throw new InvalidOperationException("Seed:AdminEmail is set but Seed:AdminPassword is not: set both to create the first Admin.");
        var admin = new ApplicationUser
        {
            UserName = _options.AdminEmail, Email = _options.AdminEmail, EmailConfirmed = true,
            DisplayName = "Administrator", CreatedAt = clock.GetUtcNow(),
        };
        Check(await userManager.CreateAsync(admin, _options.AdminPassword), "create the first Admin");
        Check(await userManager.AddToRoleAsync(admin, Roles.Admin), "make the first user an Admin");
        logger.LogInformation("Created the first Admin, {Email}", _options.AdminEmail);
    }

    private async Task SeedDemoAccountsAsync(CancellationToken ct)
    {
        foreach (var demo in DemoDirectory.Organisations)
        {
            if (await db.Organisations.AnyAsync(o => o.Name == demo.Name, ct)) continue;
            db.Organisations.Add(new Organisation
            {
                Name = demo.Name, Kind = demo.Kind, RegionalGroup = demo.RegionalGroup, CreatedAt = clock.GetUtcNow(),
            });
        }
        await db.SaveChangesAsync(ct);

        foreach (var demo in DemoDirectory.Users)
        {
            if (await userManager.FindByEmailAsync(demo.Email) is not null) continue;
            var organisationId = demo.Organisation is null
                ? (Guid?)null
                : await db.Organisations.Where(o => o.Name == demo.Organisation).Select(o => o.Id).SingleAsync(ct);
            var user = new ApplicationUser
            {
                UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName,
                OrganisationId = organisationId, CreatedAt = clock.GetUtcNow(),
            };
            Check(await userManager.CreateAsync(user, _options.DemoPassword), $"create the demo user {demo.Email}");
            Check(await userManager.AddToRoleAsync(user, demo.Role), $"give {demo.Email} the role {demo.Role}");
        }
    }

    private async Task SeedSampleDeclarationAsync(CancellationToken ct)
    {
        if (await db.Declarations.AnyAsync(d => d.IsSample, ct)) return;
        var path = Path.Combine(environment.ContentRootPath, "Data", "Seed", "sample-declaration.md");
        if (!File.Exists(path)) path = Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "sample-declaration.md");
        await using var file = File.OpenRead(path);
        var draft = DraftImporter.Parse(path, file, new Core.Drafting.DraftImportOptions());
        var declarationId = await importService.SaveCoreAsync(actor: null, draft, SampleTitle, symbol: null, isSample: true, ct);
        var now = clock.GetUtcNow();
        db.ConsultationRounds.Add(new ConsultationRound
        {
            DeclarationId = declarationId, Title = "Consultation on the draft declaration (sample)", OpenedAt = now,
            ClosesAt = now.AddDays(90),
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded the sample declaration, with a consultation round open for 90 days");
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}
