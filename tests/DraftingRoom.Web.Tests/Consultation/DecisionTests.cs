using DraftingRoom.Core.Merging;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Decisions;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Tests.Consultation;

public sealed class DecisionTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private const string Base = Scenario.ArticleText;
    private static readonly string Actively = Base.Replace("shall cooperate", "shall actively cooperate");
    private static readonly string Participate = Base.Replace("take part in", "participate in");
    private static readonly string EveryPerson = Base.Replace("Everyone", "Every person");
    private static readonly string AllPersons = Base.Replace("Everyone", "All persons");
    private readonly Scenario _s = new(shared.App);
    private DecisionService Decisions => _s.Decisions;

    private static DecisionRequest Accept(int seen, string? note = null, string? text = null) =>
        new(DecisionKind.Accept, note, text, seen);

    private async Task<string> OfficialTextAsync(Guid articleId)
    {
        await using var db = await _s.DbAsync();
        return await db.Articles.Where(a => a.Id == articleId).Select(a => a.Text).SingleAsync();
    }

    private async Task<List<ArticleRevision>> RevisionsAsync(Guid articleId)
    {
        await using var db = await _s.DbAsync();
        return await db.ArticleRevisions.Where(r => r.ArticleId == articleId).OrderBy(r => r.Number).ToListAsync();
    }

    private async Task<List<Notification>> NotificationsAboutAsync(Guid proposalId)
    {
        await using var db = await _s.DbAsync();
        return await db.Notifications.Where(n => n.Link == $"proposals/{proposalId}").OrderBy(n => n.Id).ToListAsync();
    }

    [Theory]
    [InlineData(Demo.Secretariat)]
    [InlineData(Demo.Admin)]
    [InlineData(Demo.Delegate)]
    [InlineData(Demo.Observer)]
    public async Task Only_the_independent_expert_decides(string email)
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Actively);
        var user = await _s.As(email);
        var before = await _s.SnapshotAsync();

        Assert.Equal("Your role does not allow you to decide on proposals.",
            (await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.PreviewAsync(user, id))).Message);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.DecideAsync(user, id, Accept(1)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Decisions.DecideAsync(user, id, new DecisionRequest(DecisionKind.Reject, "No.", null, 1)));

        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Fact]
    public async Task Accepting_makes_the_next_official_revision_from_the_proposal_and_tells_its_sponsors()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Actively, Demo.CivilSociety);
        var expert = await _s.As(Demo.Expert);
        var preview = await Decisions.PreviewAsync(expert, id);
        Assert.False(preview.OfficialTextChanged);
        Assert.False(preview.Merge.HasConflicts);
        Assert.Equal(Actively, preview.Merge.Text);
        Assert.Equal((Base, 1, Actively), (preview.BaseText, preview.OfficialRevision, preview.ProposedText));

        var revision = await Decisions.DecideAsync(expert, id, Accept(preview.OfficialRevision, "  Stronger, as many asked.  "));

        Assert.Equal(2, revision);
        Assert.Equal(Actively, await OfficialTextAsync(articleId));
        var stored = (await RevisionsAsync(articleId))[^1];
        Assert.Equal((2, id, "Stronger, as many asked."), (stored.Number, stored.ProposalId, stored.DecisionNote));
        Assert.Equal(Actively, stored.Text);
        Assert.Contains("Accepted: proposal \"Test proposal\" by Republic of Amaria, Global Solidarity Network", stored.Reason);
        var view = await _s.Proposals.GetAsync(await _s.As(Demo.Observer), id);
        Assert.Equal(ProposalStatus.Accepted, view.Status);
        Assert.Equal(2, view.ResultingRevision);
        Assert.Equal("Stronger, as many asked.", view.DecisionNote);
        Assert.Equal("Dr. Amara Okafor, Independent Expert", view.DecidedBy);
        Assert.NotNull(view.DecidedAt);
        var notified = (await NotificationsAboutAsync(id)).Where(n => n.Kind == NotificationKind.ProposalAccepted).ToList();
        Assert.Equal(
            new[] { Scenario.UserId(await _s.As(Demo.Delegate)), Scenario.UserId(await _s.As(Demo.CivilSociety)) }.Order(),
            notified.Select(n => n.UserId).Order());
        Assert.All(notified, n => Assert.Equal("Dr. Amara Okafor, Independent Expert", n.ActorName));
        Assert.Contains("proposal.accepted", await _s.AuditActionsAsync(id));
    }

    [Fact]
    public async Task Accepting_with_changes_adopts_the_experts_text()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Actively);
        var adopted = Base.Replace("shall cooperate", "shall cooperate fully");

        await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await Decisions.DecideAsync(await _s.As(Demo.Expert), id, new DecisionRequest(DecisionKind.AcceptWithChanges, null, null, 1)));
        var revision = await Decisions.DecideAsync(await _s.As(Demo.Expert), id,
            new DecisionRequest(DecisionKind.AcceptWithChanges, "Fully rather than actively.", adopted, 1));

        Assert.Equal(2, revision);
        Assert.Equal(adopted, await OfficialTextAsync(articleId));
        var view = await _s.Proposals.GetAsync(await _s.As(Demo.Delegate), id);
        Assert.Equal(ProposalStatus.AcceptedWithChanges, view.Status);
        Assert.Equal(Actively, view.SubmittedText);
        Assert.Equal(id, (await RevisionsAsync(articleId))[^1].ProposalId);
        Assert.Contains("proposal.accepted-with-changes", await _s.AuditActionsAsync(id));
        Assert.Single(await NotificationsAboutAsync(id), n => n.Kind == NotificationKind.ProposalAcceptedWithChanges);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Rejecting_needs_reasons(string? note)
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Actively);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await Decisions.DecideAsync(await _s.As(Demo.Expert), id, new DecisionRequest(DecisionKind.Reject, note, null, 1)));

        Assert.Equal("Give the reasons for rejecting the proposal: they are shown to everyone.", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Fact]
    public async Task Rejecting_leaves_the_official_text_and_keeps_the_reasons()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Actively);

        var revision = await Decisions.DecideAsync(await _s.As(Demo.Expert), id,
            new DecisionRequest(DecisionKind.Reject, "Cooperation is active by definition.", null, 1));

        Assert.Null(revision);
        Assert.Equal(Base, await OfficialTextAsync(articleId));
        Assert.Single(await RevisionsAsync(articleId));
        var view = await _s.Proposals.GetAsync(await _s.As(Demo.Observer), id);
        Assert.Equal(ProposalStatus.Rejected, view.Status);
        Assert.Equal("Cooperation is active by definition.", view.DecisionNote);
        Assert.Null(view.ResultingRevision);
        Assert.Contains("proposal.rejected", await _s.AuditActionsAsync(id));
        Assert.Single(await NotificationsAboutAsync(id), n => n.Kind == NotificationKind.ProposalRejected);
    }

    [Fact]
    public async Task Deciding_twice_is_refused_and_changes_nothing()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Actively);
        var expert = await _s.As(Demo.Expert);
        await Decisions.DecideAsync(expert, id, Accept(1));
        var before = await _s.SnapshotAsync();

        foreach (var request in new[] { Accept(2), new DecisionRequest(DecisionKind.Reject, "Changed my mind.", null, 2),
                     new DecisionRequest(DecisionKind.AcceptWithChanges, null, Participate, 2) })
        {
            var error = await Assert.ThrowsAsync<InvalidInputException>(() => Decisions.DecideAsync(expert, id, request));
            Assert.Equal("This proposal was already decided: accepted.", error.Message);
        }
        await Assert.ThrowsAsync<InvalidInputException>(() => Decisions.PreviewAsync(expert, id));

        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Fact]
    public async Task A_draft_is_not_decided()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.DraftAsync(Demo.Delegate, articleId, Actively);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await Decisions.DecideAsync(await _s.As(Demo.Expert), id, Accept(1)));

        Assert.Contains("still a draft", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public async Task A_revision_that_does_not_exist_is_refused(int seen)
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Actively);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await Decisions.DecideAsync(await _s.As(Demo.Expert), id, Accept(seen)));

        Assert.Contains($"Revision {seen} of Article 1 does not exist", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Fact]
    public async Task A_proposal_is_merged_into_an_official_text_changed_elsewhere_since_its_base()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Actively);
        await _s.Declarations.EditProvisionAsync(await _s.As(Demo.Secretariat), articleId, new ProvisionEdit("Title 1", Participate, "Plainer"));
        var expert = await _s.As(Demo.Expert);

        var preview = await Decisions.PreviewAsync(expert, id);

        Assert.True(preview.OfficialTextChanged);
        Assert.Equal((1, 2), (preview.BaseRevision, preview.OfficialRevision));
        Assert.False(preview.Merge.HasConflicts);
        var both = Base.Replace("shall cooperate", "shall actively cooperate").Replace("take part in", "participate in");
        Assert.Equal(both, preview.Merge.Text);

        Assert.Equal(3, await Decisions.DecideAsync(expert, id, Accept(preview.OfficialRevision)));
        Assert.Equal(both, await OfficialTextAsync(articleId));
    }

    [Fact]
    public async Task A_conflict_with_the_official_text_is_settled_before_anything_is_saved()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, EveryPerson);
        await _s.Declarations.EditProvisionAsync(await _s.As(Demo.Secretariat), articleId, new ProvisionEdit("Title 1", AllPersons, "Plural"));
        var expert = await _s.As(Demo.Expert);

        var preview = await Decisions.PreviewAsync(expert, id);
        Assert.True(preview.Merge.HasConflicts);
        var conflict = Assert.Single(preview.Merge.Conflicts);
        Assert.Contains("All persons", conflict.OursText);
        Assert.Contains("Every person", conflict.TheirsText);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Decisions.DecideAsync(expert, id, Accept(2)));

        Assert.Contains("conflicts with the official text in 1 place(s)", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
        Assert.Equal(AllPersons, await OfficialTextAsync(articleId));

        var resolved = preview.Merge.Resolve(new Dictionary<int, ConflictResolution> { [conflict.Index] = ConflictResolution.Theirs });
        Assert.Equal(EveryPerson, resolved);
        Assert.Equal(3, await Decisions.DecideAsync(expert, id, Accept(preview.OfficialRevision, "Singular after all.", resolved)));
        Assert.Equal(EveryPerson, await OfficialTextAsync(articleId));
        Assert.Equal(ProposalStatus.Accepted, (await _s.Proposals.GetAsync(expert, id)).Status);
    }

    [Fact]
    public async Task Two_decisions_on_different_words_of_one_article_at_once_both_land_one_revision_after_the_other()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var articleId = await _s.ArticleAsync();
            var first = await _s.SubmittedAsync(Demo.Delegate, articleId, Actively);
            var second = await _s.SubmittedAsync(Demo.CivilSociety, articleId, EveryPerson);
            var expert = await _s.As(Demo.Expert);
            var previews = await Task.WhenAll(Decisions.PreviewAsync(expert, first), Decisions.PreviewAsync(expert, second));
            Assert.All(previews, p => Assert.Equal(1, p.OfficialRevision));

            var revisions = await Task.WhenAll(
                Task.Run(() => Decisions.DecideAsync(expert, first, Accept(1, "First."))),
                Task.Run(() => Decisions.DecideAsync(expert, second, Accept(1, "Second."))));

            Assert.Equal([2, 3], revisions.Select(r => r!.Value).Order());
            var both = Base.Replace("shall cooperate", "shall actively cooperate").Replace("Everyone", "Every person");
            Assert.Equal(both, await OfficialTextAsync(articleId));
            var stored = await RevisionsAsync(articleId);
            Assert.Equal([1, 2, 3], stored.Select(r => r.Number));
            Assert.Equal(both, stored[^1].Text);
            Assert.Equal(new[] { first, second }.Order(), stored.Skip(1).Select(r => r.ProposalId!.Value).Order());
            Assert.Equal(ProposalStatus.Accepted, (await _s.Proposals.GetAsync(expert, first)).Status);
            Assert.Equal(ProposalStatus.Accepted, (await _s.Proposals.GetAsync(expert, second)).Status);
        }
    }

    [Fact]
    public async Task Two_decisions_on_the_same_words_at_once_land_one_and_refuse_the_other_with_nothing_of_it_saved()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var articleId = await _s.ArticleAsync();
            var first = await _s.SubmittedAsync(Demo.Delegate, articleId, EveryPerson);
            var second = await _s.SubmittedAsync(Demo.CivilSociety, articleId, AllPersons);
            var expert = await _s.As(Demo.Expert);
            var notificationsBefore = (await NotificationsAboutAsync(first)).Count + (await NotificationsAboutAsync(second)).Count;

            var outcomes = await Task.WhenAll(
                Scenario.AttemptAsync(() => Decisions.DecideAsync(expert, first, Accept(1))),
                Scenario.AttemptAsync(() => Decisions.DecideAsync(expert, second, Accept(1))));

            Assert.Single(outcomes, e => e is null);
            var refusal = Assert.IsType<ConflictException>(Assert.Single(outcomes, e => e is not null));
            Assert.Contains("Nothing was saved", refusal.Message);
            var (winner, loser, winningText) = outcomes[0] is null ? (first, second, EveryPerson) : (second, first, AllPersons);
            Assert.Equal(winningText, await OfficialTextAsync(articleId));
            var stored = await RevisionsAsync(articleId);
            Assert.Equal([1, 2], stored.Select(r => r.Number));
            Assert.Equal(winner, stored[^1].ProposalId);
            var lost = await _s.Proposals.GetAsync(expert, loser);
            Assert.Equal(ProposalStatus.Submitted, lost.Status);
            Assert.Null(lost.DecidedAt);
            Assert.Null(lost.ResultingRevision);
            Assert.Equal(["proposal.created", "proposal.submitted"], await _s.AuditActionsAsync(loser));
            Assert.Equal(notificationsBefore + 1, (await NotificationsAboutAsync(first)).Count + (await NotificationsAboutAsync(second)).Count);
        }
    }
}
