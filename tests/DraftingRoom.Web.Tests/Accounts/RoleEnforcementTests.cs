using System.Security.Claims;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Administration;
using DraftingRoom.Web.Auditing;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Tests.Accounts;

/// <summary>
/// Each action is called on the service itself, as each role, and must be allowed or refused there, whatever the
/// pages show. Refusals must leave the stored data as it was.
/// </summary>
public sealed class RoleEnforcementTests(SharedTestApp shared) : IClassFixture<SharedTestApp>, IAsyncLifetime
{
    private readonly TestApp _app = shared.App;
    private Guid _declarationId;
    private Guid _articleId;

    public async ValueTask InitializeAsync()
    {
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);
        var declarations = _app.Service<DeclarationService>();
        _declarationId = await declarations.CreateAsync(secretariat, new NewDeclaration("Roles test", null, null));
        _articleId = await declarations.AddProvisionAsync(secretariat, _declarationId,
            new NewProvision(ProvisionKind.Article, "1", "Scope", "1. This declaration applies to everyone."));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static TheoryData<string?, string, bool> Matrix()
    {
        var data = new TheoryData<string?, string, bool>();
        var roles = new (string? Email, string Role)[]
        {
            (Demo.Admin, Roles.Admin), (Demo.Expert, Roles.IndependentExpert), (Demo.Secretariat, Roles.Secretariat),
            (Demo.Delegate, Roles.Participant), (Demo.Observer, Roles.Observer), (null, "anonymous"),
        };
        var allowed = new Dictionary<string, string[]>
        {
            ["read"] = [Roles.Admin, Roles.IndependentExpert, Roles.Secretariat, Roles.Participant, Roles.Observer],
            ["create declaration"] = [Roles.IndependentExpert, Roles.Secretariat],
            ["edit article"] = [Roles.IndependentExpert, Roles.Secretariat],
            ["add article"] = [Roles.IndependentExpert, Roles.Secretariat],
            ["reorder"] = [Roles.IndependentExpert, Roles.Secretariat],
            ["renumber"] = [Roles.IndependentExpert, Roles.Secretariat],
            ["delete article"] = [Roles.IndependentExpert, Roles.Secretariat],
            ["import"] = [Roles.IndependentExpert, Roles.Secretariat],
            ["manage users"] = [Roles.Admin],
            ["browse audit"] = [Roles.Admin, Roles.IndependentExpert],
        };
        foreach (var (email, role) in roles)
            foreach (var (action, who) in allowed)
                data.Add(email, action, who.Contains(role));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_is_allowed_or_refused_each_action_by_the_service(string? email, string action, bool allowed)
    {
        var user = email is null ? TestApp.Anonymous : await _app.SignInAsAsync(email);
        var before = await SnapshotAsync();

        var call = Action(action, user);
        if (allowed)
        {
            await call();
        }
        else
        {
            await Assert.ThrowsAsync<AccessDeniedException>(call);
            Assert.Equal(before, await SnapshotAsync());
        }
    }

    private Func<Task> Action(string action, ClaimsPrincipal user)
    {
        var declarations = _app.Service<DeclarationService>();
        return action switch
        {
            "read" => () => declarations.GetAsync(user, _declarationId),
            "create declaration" => () => declarations.CreateAsync(user, new NewDeclaration("Another", null, null)),
            "edit article" => () => declarations.EditProvisionAsync(user, _articleId,
                new ProvisionEdit("Scope", "1. This declaration applies to all.", "Clarity")),
            "add article" => () => declarations.AddProvisionAsync(user, _declarationId,
                new NewProvision(ProvisionKind.Article, null, null, "A new article.")),
            "reorder" => () => declarations.MoveProvisionAsync(user, _articleId, MoveDirection.Down),
            "renumber" => () => declarations.RenumberAsync(user, _declarationId),
            "delete article" => () => declarations.DeleteProvisionAsync(user, _articleId),
            "import" => async () =>
            {
                await using var scope = _app.Services.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<ImportService>();
                using var file = new MemoryStream("Recalling the Charter,\n\nArticle 1\n\nEveryone has rights."u8.ToArray());
                var draft = await importer.PreviewAsync(user, "draft.md", file);
                await importer.SaveAsync(user, draft, "Imported", null);
            },
            "manage users" => async () =>
            {
                await using var scope = _app.Services.CreateAsyncScope();
                var admin = scope.ServiceProvider.GetRequiredService<AdministrationService>();
                var organisationId = await admin.CreateOrganisationAsync(user,
                    new NewOrganisation($"Org {Guid.NewGuid():N}", StakeholderKind.AcademicOrExpert, null));
                await admin.CreateUserAsync(user, new NewUser($"{Guid.NewGuid():N}@example.org", "New delegate",
                    "a password long enough", organisationId, [Roles.Participant]));
            },
            "browse audit" => () => _app.Service<AuditService>().ListAsync(user, null, 0, 10),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private async Task<string> SnapshotAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingRoomDbContext>();
        var declarations = await db.Declarations.CountAsync();
        var articles = await db.Articles.OrderBy(a => a.Id)
            .Select(a => a.Id + a.Text + a.Number + a.Position + a.DeletedAt).ToListAsync();
        var revisions = await db.ArticleRevisions.CountAsync();
        var organisations = await db.Organisations.CountAsync();
        var audit = await db.AuditEvents.CountAsync();
        return $"{declarations}|{string.Join(',', articles)}|{revisions}|{organisations}|{audit}";
    }
}
