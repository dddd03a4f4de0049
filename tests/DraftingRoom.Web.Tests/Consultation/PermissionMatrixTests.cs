using System.Net;
using System.Security.Claims;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Administration;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Consultation;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Decisions;
using DraftingRoom.Web.Tests.Collaboration;
using DraftingRoom.Web.Tests.Infrastructure;
using DraftingRoom.Web.Versions;
using Microsoft.AspNetCore.SignalR;

namespace DraftingRoom.Web.Tests.Consultation;

/// <summary>
/// Every cell of the matrix in docs/permissions.md, checked against the services, the co-editing hub and the API: the
/// action is performed as the role in a situation where every condition the cell names holds, and must succeed or be
/// refused as the cell says; each condition is then checked the other way. A refusal must store nothing.
/// </summary>
public sealed class PermissionMatrixTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    public static readonly string[] RoleNames =
        [Roles.Admin, Roles.IndependentExpert, Roles.Secretariat, Roles.Participant, Roles.Observer, "anonymous"];

    public static readonly string[] Actions =
    [
        "read", "comment", "reply", "edit own comment", "moderate", "draft a proposal", "edit a proposal as sponsor",
        "submit", "endorse", "decide", "open a round", "publish a version", "manage users",
    ];

    /// <summary>The situations a condition is checked in, the other way: whether allowed there, and how it is refused.</summary>
    private static readonly Dictionary<string, (Situation Situation, bool Allowed, Type? Refusal)[]> ConditionChecks = new()
    {
        ["while a round is open"] = [(Situation.RoundClosed, false, typeof(RoundClosedException))],
        ["own comments"] = [(Situation.SomeoneElses, false, typeof(AccessDeniedException))],
        ["own proposals"] = [(Situation.SomeoneElses, false, null)],
        ["own drafts"] = [(Situation.SomeoneElses, false, typeof(HubException))],
        ["any draft"] = [(Situation.SomeoneElses, true, null), (Situation.Submitted, false, typeof(HubException))],
        ["other organisations' proposals"] = [(Situation.OwnOrganisation, false, typeof(InvalidInputException))],
    };

    private enum Situation
    {
        /// <summary>Every condition holds: the role's own comment or proposal, another organisation's, a round open.</summary>
        Normal,
        RoundClosed,
        /// <summary>A comment or proposal of someone else (of the same delegation as the participant).</summary>
        SomeoneElses,
        /// <summary>A proposal already submitted.</summary>
        Submitted,
        /// <summary>A proposal sponsored by the user's own organisation.</summary>
        OwnOrganisation,
    }

    private static readonly string Changed = Scenario.ArticleText.Replace("shall cooperate", "shall actively cooperate");
    private readonly Scenario _s = new(shared.App);

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var action in Actions)
            foreach (var role in RoleNames)
                data.Add(action, role);
        return data;
    }

    [Fact]
    public void The_document_has_one_row_per_action_and_one_column_per_role()
    {
        var table = PermissionTable.Load();

        Assert.Equal(RoleNames, table.Roles);
        Assert.Equal(Actions, table.Rows.Keys);
        Assert.Equal(78, Cells().Count);
    }

    [Fact]
    public void Every_condition_in_the_document_is_checked_by_these_tests()
    {
        var table = PermissionTable.Load();
        var conditions = table.Rows.Values.SelectMany(r => r.Values).SelectMany(c => c.Conditions).Distinct().ToList();

        Assert.All(conditions, c => Assert.True(ConditionChecks.ContainsKey(c),
            $"The condition \"{c}\" in docs/permissions.md has no check here: add it to ConditionChecks."));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_is_allowed_or_refused_each_action_as_docs_permissions_says(string action, string role)
    {
        var cell = PermissionTable.Load().Cell(action, role);

        await CheckAsync(action, role, Situation.Normal, cell.Allowed, null);
        foreach (var condition in cell.Conditions)
            foreach (var (situation, allowed, refusal) in ConditionChecks[condition])
                await CheckAsync(action, role, situation, allowed, refusal);
    }

    private async Task CheckAsync(string action, string role, Situation situation, bool allowed, Type? refusal)
    {
        var user = Email(role) is { } email ? await _s.As(email) : TestApp.Anonymous;
        var steps = await ArrangeAsync(action, role, user, situation);
        var context = $"{role} may{(allowed ? "" : " not")} {action} ({situation})";
        foreach (var step in steps)
        {
            var before = await _s.SnapshotAsync();
            var error = await Record.ExceptionAsync(step);
            if (allowed)
            {
                Assert.True(error is null, $"{context}, but: {error}");
                continue;
            }
            Assert.True(error is not null, $"{context}, but it was allowed.");
            var expected = refusal is null ? IsRefusal(error) : refusal.IsInstanceOfType(error);
            Assert.True(expected, $"{context}: expected {refusal?.Name ?? "a refusal"}, got {error}");
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.True(before == await _s.SnapshotAsync(), $"{context}: the refused call stored something.");
        }
    }

    /// <summary>What a refusal of the role looks like, wherever the action is called.</summary>
    private static bool IsRefusal(Exception error) => error is AccessDeniedException or NotFoundException or HubException
        or HttpRequestException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden };

    private static string? Email(string role) => role switch
    {
        Roles.Admin => Demo.Admin,
        Roles.IndependentExpert => Demo.Expert,
        Roles.Secretariat => Demo.Secretariat,
        Roles.Participant => Demo.Delegate,
        Roles.Observer => Demo.Observer,
        _ => null,
    };

    private static bool CanPropose(string role) => role is Roles.IndependentExpert or Roles.Secretariat or Roles.Participant;

    /// <summary>Sets the situation up and returns the calls that perform the action in it.</summary>
    private async Task<Func<Task>[]> ArrangeAsync(string action, string role, ClaimsPrincipal user, Situation situation)
    {
        var (declarationId, articles) = await _s.DeclarationAsync(openRound: action != "open a round");
        var article = articles[0];
        async Task<T> Then<T>(T value)
        {
            if (situation == Situation.RoundClosed) await _s.CloseRoundAsync(declarationId);
            return value;
        }
        void Expect(params Situation[] situations)
        {
            if (!situations.Contains(situation)) throw new NotSupportedException($"\"{action}\" has no {situation} situation.");
        }

        switch (action)
        {
            case "read":
            {
                Expect(Situation.Normal);
                await _s.CommentAsync(Demo.CivilSociety, article);
                var submitted = await _s.SubmittedAsync(Demo.CivilSociety, article, Changed);
                return
                [
                    () => _s.Declarations.GetAsync(user, declarationId),
                    () => _s.Declarations.GetHistoryAsync(user, article),
                    () => _s.Rounds.GetStateAsync(user, declarationId),
                    () => _s.Comments.ListAsync(user, new CommentFilter(declarationId)),
                    () => _s.Proposals.GetAsync(user, submitted),
                    () => _s.Proposals.ListForArticleAsync(user, article),
                    () => _s.App.Service<VersionService>().ListAsync(user, declarationId),
                    () => GetAsync(role, $"/api/declarations/{declarationId}"),
                ];
            }
            case "comment":
                Expect(Situation.Normal, Situation.RoundClosed);
                await Then(0);
                return [() => _s.Comments.PostAsync(user, new NewComment(article, null, "A comment."))];
            case "reply":
            {
                Expect(Situation.Normal, Situation.RoundClosed);
                var root = await Then(await _s.CommentAsync(Demo.CivilSociety, article));
                return [() => _s.Comments.ReplyAsync(user, root, "A reply.")];
            }
            case "edit own comment":
            {
                Expect(Situation.Normal, Situation.RoundClosed, Situation.SomeoneElses);
                var id = situation == Situation.SomeoneElses || user.UserId() is null
                    ? await _s.CommentAsync(Demo.CivilSociety, article)
                    : CanPropose(role)
                        ? await _s.CommentAsync(Email(role)!, article)
                        // Admins and Observers cannot comment: a comment they wrote in an earlier role.
                        : await InsertCommentAsync(declarationId, article, user.UserId()!);
                await Then(0);
                return [() => _s.Comments.EditAsync(user, id, "Edited.")];
            }
            case "moderate":
            {
                Expect(Situation.Normal);
                var id = await _s.CommentAsync(Demo.CivilSociety, article);
                return [() => _s.Comments.SetAddressedAsync(user, id, true), () => _s.Comments.HideAsync(user, id, "Off topic.")];
            }
            case "draft a proposal":
                Expect(Situation.Normal, Situation.RoundClosed);
                await Then(0);
                return [() => _s.Proposals.CreateAsync(user, article, "A proposal")];
            case "edit a proposal as sponsor":
            {
                Expect(Situation.Normal, Situation.SomeoneElses, Situation.Submitted);
                var id = situation switch
                {
                    Situation.SomeoneElses => await _s.DraftAsync(Demo.DelegateColleague, article),
                    Situation.Submitted => await _s.SubmittedAsync(Demo.DelegateColleague, article, Changed),
                    _ => await OwnDraftAsync(role, user, article, null),
                };
                return [() => HubEditAsync(Email(role), id)];
            }
            case "submit":
            {
                Expect(Situation.Normal, Situation.RoundClosed, Situation.SomeoneElses);
                var id = await Then(situation == Situation.SomeoneElses
                    ? await _s.DraftAsync(Demo.DelegateColleague, article, Changed)
                    : await OwnDraftAsync(role, user, article, Changed));
                return [() => _s.Submissions.SubmitAsync(user, id, "Clearer.")];
            }
            case "endorse":
            {
                Expect(Situation.Normal, Situation.RoundClosed, Situation.OwnOrganisation);
                var id = await Then(await _s.SubmittedAsync(
                    situation == Situation.OwnOrganisation ? Demo.DelegateColleague : Demo.CivilSociety, article, Changed));
                return [() => _s.Submissions.EndorseAsync(user, id)];
            }
            case "decide":
            {
                Expect(Situation.Normal);
                var id = await _s.SubmittedAsync(Demo.CivilSociety, article, Changed);
                return
                [
                    () => _s.Decisions.PreviewAsync(user, id),
                    () => _s.Decisions.DecideAsync(user, id, new DecisionRequest(DecisionKind.Accept, "Agreed.", null, 1)),
                ];
            }
            case "open a round":
                Expect(Situation.Normal);
                return [() => _s.Rounds.OpenAsync(user, declarationId, "A round", DateTimeOffset.UtcNow.AddDays(30))];
            case "publish a version":
                Expect(Situation.Normal);
                return [() => _s.App.Service<VersionService>().PublishAsync(user, declarationId, new NewVersion("Version 1", null, null, null))];
            case "manage users":
            {
                Expect(Situation.Normal);
                var organisationId = await _s.OrganisationIdAsync("Global Solidarity Network");
                return
                [
                    () => WithAdministrationAsync(a => a.ListUsersAsync(user)),
                    () => WithAdministrationAsync(a => a.CreateUserAsync(user, new NewUser($"{Guid.NewGuid():N}@example.org",
                        "New delegate", "a password long enough", organisationId, [Roles.Participant]))),
                ];
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, "No test for this action: add one.");
        }
    }

    /// <summary>
    /// A draft the user sponsors: one they started, or, for roles that cannot propose, one they sponsor from an earlier
    /// role (as a participant made Observer would). Anonymous visitors sponsor nothing: someone else's draft.
    /// </summary>
    private async Task<Guid> OwnDraftAsync(string role, ClaimsPrincipal user, Guid article, string? text)
    {
        if (CanPropose(role)) return await _s.DraftAsync(Email(role)!, article, text);
        var id = await _s.DraftAsync(Demo.CivilSociety, article, text);
        if (user.UserId() is { } userId)
        {
            await using var db = await _s.DbAsync();
            db.ProposalSponsors.Add(new ProposalSponsor { ProposalId = id, UserId = userId, InvitedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        return id;
    }

    private async Task<Guid> InsertCommentAsync(Guid declarationId, Guid article, string authorId)
    {
        await using var db = await _s.DbAsync();
        var comment = new Comment
        {
            DeclarationId = declarationId, ArticleId = article, AuthorId = authorId, Body = "Written in an earlier role.",
            CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync();
        return comment.Id;
    }

    /// <summary>Joins the proposal's text over SignalR as the user (no cookie when anonymous) and types into it.</summary>
    private async Task HubEditAsync(string? email, Guid proposalId)
    {
        var documentId = await _s.DocumentOfAsync(proposalId);
        var cookies = email is null ? null : await CollaborationFixture.SignInAsync(_s.App, email);
        await using var editor = await HubEditor.ConnectAsync(_s.App.BaseAddress, cookies, documentId);
        var length = editor.Text.Length;
        await editor.SubmitRawAsync("matrix", 1, editor.Revision, new object[] { "Inserted. ", length });
        Assert.StartsWith("Inserted. ", (await _s.Registry.GetStateAsync(documentId)).Text);
    }

    private async Task GetAsync(string role, string path)
    {
        var cookies = Email(role) is { } email ? await CollaborationFixture.SignInAsync(_s.App, email) : null;
        using var client = _s.App.CreateClient(cookies);
        using var response = await client.GetAsync(path);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            throw new HttpRequestException($"{path} answered {(int)response.StatusCode}", null, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task WithAdministrationAsync(Func<AdministrationService, Task> call)
    {
        await using var scope = _s.App.Services.CreateAsyncScope();
        await call(scope.ServiceProvider.GetRequiredService<AdministrationService>());
    }
}
