using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Decisions;
using DraftingRoom.Web.Proposals;
using DraftingRoom.Web.Tests.Collaboration;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Tests.Consultation;

/// <summary>Submitting, endorsing and withdrawing proposals.</summary>
public sealed class SubmissionTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Scenario _s = new(shared.App);
    private static readonly string Changed = Scenario.ArticleText.Replace("shall cooperate", "shall actively cooperate");

    private async Task<HubEditor> ConnectAsync(string email, Guid proposalId) =>
        await HubEditor.ConnectAsync(_s.App.BaseAddress, await CollaborationFixture.SignInAsync(_s.App, email),
            await _s.DocumentOfAsync(proposalId));

    private async Task<int> CountAsync(Guid proposalId, string action)
    {
        await using var db = await _s.DbAsync();
        return await db.AuditEvents.CountAsync(e => e.EntityId == proposalId.ToString() && e.Action == action);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public async Task Submitting_needs_a_rationale(string rationale)
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.DraftAsync(Demo.Delegate, articleId, Changed);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await _s.Submissions.SubmitAsync(await _s.As(Demo.Delegate), id, rationale));

        Assert.Equal("Give a rationale: say why the article should read this way.", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
        Assert.Equal(ProposalStatus.Draft, (await _s.Proposals.GetAsync(await _s.As(Demo.Delegate), id)).Status);
    }

    [Fact]
    public async Task A_draft_unchanged_from_the_official_text_is_not_submitted_and_stays_editable()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.DraftAsync(Demo.Delegate, articleId);
        await using var editor = await ConnectAsync(Demo.Delegate, id);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await _s.Submissions.SubmitAsync(await _s.As(Demo.Delegate), id, "No change."));

        Assert.Contains("same as the official text", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
        // The document closed for the attempt is open again.
        await editor.EditAsync(text => Scenario.InsertAt(text, 0, "Still editable. "));
        await editor.WaitUntilSynchronizedAsync(Timeout);
        Assert.StartsWith("Still editable. ", (await _s.Registry.GetStateAsync(await _s.DocumentOfAsync(id))).Text);
    }

    [Theory]
    [InlineData(Demo.DelegateColleague, typeof(AccessDeniedException))]
    [InlineData(Demo.Secretariat, typeof(AccessDeniedException))]
    [InlineData(Demo.Expert, typeof(AccessDeniedException))]
    [InlineData(Demo.CivilSociety, typeof(NotFoundException))]
    public async Task Only_a_sponsor_submits(string email, Type refusal)
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.DraftAsync(Demo.Delegate, articleId, Changed);
        var before = await _s.SnapshotAsync();

        var error = await Record.ExceptionAsync(async () => await _s.Submissions.SubmitAsync(await _s.As(email), id, "Not mine."));

        Assert.IsType(refusal, error);
        Assert.Contains(refusal == typeof(NotFoundException) ? "a draft you cannot see" : "Only the proposal's sponsors may submit it.", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Fact]
    public async Task A_submitted_proposal_keeps_its_text_as_submitted_and_its_live_text_takes_no_more_edits()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.DraftAsync(Demo.Delegate, articleId, null, Demo.SecondDelegate);
        await using var sponsor = await ConnectAsync(Demo.Delegate, id);
        await using var coSponsor = await ConnectAsync(Demo.SecondDelegate, id);
        await sponsor.EditAsync(text => Scenario.Replace(text, Changed));
        await sponsor.WaitUntilSynchronizedAsync(Timeout);
        var delegate_ = await _s.As(Demo.Delegate);

        await _s.Submissions.SubmitAsync(delegate_, id, "  Cooperation must be active.  ");

        var view = await _s.Proposals.GetAsync(await _s.As(Demo.Observer), id);
        Assert.Equal(ProposalStatus.Submitted, view.Status);
        Assert.Equal(Changed, view.SubmittedText);
        Assert.Equal("Cooperation must be active.", view.Rationale);
        Assert.NotNull(view.SubmittedAt);
        Assert.False(view.CanEdit);
        Assert.Equal(Changed, (await _s.App.Service<ProposalTexts>().GetAsync(id)).Text);

        // Both editors joined while it was a draft; their edits are refused now, by the registry if not by the hub.
        var documentId = await _s.DocumentOfAsync(id);
        var operations = (await _s.SnapshotAsync()).Split('\n')[^1];
        foreach (var editor in new[] { sponsor, coSponsor })
        {
            var refusal = await Assert.ThrowsAsync<HubException>(() =>
                editor.SubmitRawAsync(Guid.NewGuid().ToString("N"), 1, editor.Revision, new object[] { "Late. ", Changed.Length }));
            AssertRefusedAsFinal(refusal, "submitted");
        }
        await using var late = await ConnectAsync(Demo.Delegate, id);
        Assert.False(late.CanEdit);
        await Assert.ThrowsAsync<HubException>(() => late.SubmitRawAsync("late", 1, late.Revision, new object[] { "Late. ", Changed.Length }));
        Assert.Equal(Changed, (await _s.Registry.GetStateAsync(documentId)).Text);
        Assert.Equal(operations, (await _s.SnapshotAsync()).Split('\n')[^1]);
        Assert.Equal(1, await CountAsync(id, "proposal.submitted"));
    }

    [Fact]
    public async Task Submitting_twice_is_refused_and_recorded_once()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Changed);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await _s.Submissions.SubmitAsync(await _s.As(Demo.Delegate), id, "Again."));

        Assert.Equal("This proposal was already submitted.", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
        Assert.Equal(1, await CountAsync(id, "proposal.submitted"));
    }

    [Fact]
    public async Task Two_sponsors_submitting_at_once_submit_once_and_the_text_stays_closed()
    {
        var articleId = await _s.ArticleAsync();
        for (var round = 0; round < 4; round++)
        {
            var id = await _s.DraftAsync(Demo.Delegate, articleId, Changed + $" ({round})", Demo.SecondDelegate);
            await using var editor = await ConnectAsync(Demo.Delegate, id);
            var first = await _s.As(Demo.Delegate);
            var second = await _s.As(Demo.SecondDelegate);

            var outcomes = await Task.WhenAll(
                Scenario.AttemptAsync(() => _s.Submissions.SubmitAsync(first, id, "First.")),
                Scenario.AttemptAsync(() => _s.Submissions.SubmitAsync(second, id, "Second.")));

            Assert.Single(outcomes, e => e is null);
            var refused = Assert.Single(outcomes, e => e is not null);
            Assert.True(refused is InvalidInputException or ConflictException, refused!.ToString());
            Assert.Equal(1, await CountAsync(id, "proposal.submitted"));
            // The refused attempt must not open the text again for editing.
            var refusal = await Assert.ThrowsAsync<HubException>(() =>
                editor.SubmitRawAsync("after", 1, editor.Revision, new object[] { "After. ", editor.Text.Length }));
            AssertRefusedAsFinal(refusal, "submitted");
            var view = await _s.Proposals.GetAsync(first, id);
            Assert.Equal(view.SubmittedText, (await _s.Registry.GetStateAsync(view.DocumentId)).Text);
        }
    }

    [Fact]
    public async Task Another_organisation_endorses_a_submitted_proposal_and_its_sponsors_hear_of_it()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Changed);
        var unreadBefore = await _s.Notifications.CountUnreadAsync(await _s.As(Demo.Delegate));

        await _s.Submissions.EndorseAsync(await _s.As(Demo.SecondDelegate), id);
        await _s.Submissions.EndorseAsync(await _s.As(Demo.CivilSociety), id);

        var view = await _s.Proposals.GetAsync(await _s.As(Demo.SecondDelegate), id);
        Assert.Equal(["Republic of Serrania", "Global Solidarity Network"], view.Endorsements.Select(e => e.Organisation));
        Assert.Equal("Lucía Fernández, delegate of Serrania", view.Endorsements[0].EndorsedBy);
        Assert.Equal(StakeholderKind.MemberState, view.Endorsements[0].Kind);
        Assert.Equal(RegionalGroup.LatinAmericanAndCaribbeanStates, view.Endorsements[0].RegionalGroup);
        Assert.True(view.IsEndorsedByMyOrganisation);
        Assert.False((await _s.Proposals.GetAsync(await _s.As(Demo.Observer), id)).IsEndorsedByMyOrganisation);
        Assert.Equal(unreadBefore + 2, await _s.Notifications.CountUnreadAsync(await _s.As(Demo.Delegate)));
        Assert.Equal(2, await CountAsync(id, "proposal.endorsed"));
    }

    [Fact]
    public async Task An_organisation_endorses_once()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.CivilSociety, articleId, Changed);
        await _s.Submissions.EndorseAsync(await _s.As(Demo.Delegate), id);
        var before = await _s.SnapshotAsync();

        foreach (var email in new[] { Demo.Delegate, Demo.DelegateColleague })
        {
            var error = await Assert.ThrowsAsync<InvalidInputException>(async () =>
                await _s.Submissions.EndorseAsync(await _s.As(email), id));
            Assert.Equal("Your organisation already endorses this proposal.", error.Message);
        }

        Assert.Equal(before, await _s.SnapshotAsync());
        Assert.Single((await _s.Proposals.GetAsync(await _s.As(Demo.Delegate), id)).Endorsements);
    }

    [Fact]
    public async Task Two_members_of_one_organisation_endorsing_at_once_store_one_endorsement()
    {
        var articleId = await _s.ArticleAsync();
        var first = await _s.As(Demo.Delegate);
        var second = await _s.As(Demo.DelegateColleague);
        for (var round = 0; round < 4; round++)
        {
            var id = await _s.SubmittedAsync(Demo.CivilSociety, articleId, Changed + $" ({round})");

            var outcomes = await Task.WhenAll(
                Scenario.AttemptAsync(() => _s.Submissions.EndorseAsync(first, id)),
                Scenario.AttemptAsync(() => _s.Submissions.EndorseAsync(second, id)));

            Assert.Single(outcomes, e => e is null);
            var refused = Assert.Single(outcomes, e => e is not null);
            Assert.Equal("Your organisation already endorses this proposal.", Assert.IsType<InvalidInputException>(refused).Message);
            await using var db = await _s.DbAsync();
            Assert.Equal(1, await db.ProposalEndorsements.CountAsync(e => e.ProposalId == id));
            Assert.Equal(1, await CountAsync(id, "proposal.endorsed"));
        }
    }

    [Theory]
    [InlineData(Demo.Delegate)]
    [InlineData(Demo.DelegateColleague)]
    public async Task The_sponsors_own_organisation_cannot_endorse(string email)
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Changed);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () => await _s.Submissions.EndorseAsync(await _s.As(email), id));

        Assert.Equal("Your organisation sponsors this proposal already.", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Fact]
    public async Task A_draft_cannot_be_endorsed()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.DraftAsync(Demo.Delegate, articleId, Changed);
        var before = await _s.SnapshotAsync();

        // Another State does not even learn that the draft exists; a colleague of its sponsor, who sees it, is told why.
        var hidden = await Assert.ThrowsAsync<NotFoundException>(async () =>
            await _s.Submissions.EndorseAsync(await _s.As(Demo.SecondDelegate), id));
        var error = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await _s.Submissions.EndorseAsync(await _s.As(Demo.DelegateColleague), id));

        Assert.Contains("does not exist", hidden.Message);
        Assert.Contains("still a draft", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Fact]
    public async Task Sponsors_withdraw_a_submitted_proposal_and_it_can_then_be_neither_endorsed_nor_decided()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Changed);
        var before = await _s.SnapshotAsync();
        Assert.IsType<AccessDeniedException>(await Record.ExceptionAsync(async () =>
            await _s.Submissions.WithdrawAsync(await _s.As(Demo.CivilSociety), id)));
        Assert.Equal(before, await _s.SnapshotAsync());

        await _s.Submissions.WithdrawAsync(await _s.As(Demo.Delegate), id);

        var view = await _s.Proposals.GetAsync(await _s.As(Demo.Observer), id);
        Assert.Equal(ProposalStatus.Withdrawn, view.Status);
        Assert.NotNull(view.WithdrawnAt);
        Assert.Equal(Changed, view.SubmittedText);
        Assert.Contains("already withdrawn", (await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await _s.Submissions.WithdrawAsync(await _s.As(Demo.Delegate), id))).Message);
        Assert.Contains("withdrawn", (await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await _s.Submissions.EndorseAsync(await _s.As(Demo.SecondDelegate), id))).Message);
        Assert.Equal("This proposal was withdrawn by its sponsors.", (await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await _s.Decisions.DecideAsync(await _s.As(Demo.Expert), id,
                new DecisionRequest(DecisionKind.Accept, null, null, 1)))).Message);
        Assert.Equal(["proposal.created", "proposal.submitted", "proposal.withdrawn"], await _s.AuditActionsAsync(id));
    }

    [Fact]
    public async Task A_draft_withdrawn_before_submission_stays_private_and_takes_no_more_edits()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.DraftAsync(Demo.Delegate, articleId, Changed);
        var comment = await _s.Comments.PostAsync(await _s.As(Demo.DelegateColleague), new NewComment(articleId, id, "Internal note."));
        await using var editor = await ConnectAsync(Demo.Delegate, id);

        await _s.Submissions.WithdrawAsync(await _s.As(Demo.Delegate), id);

        Assert.Equal(ProposalStatus.Withdrawn, (await _s.Proposals.GetAsync(await _s.As(Demo.DelegateColleague), id)).Status);
        Assert.Equal(ProposalStatus.Withdrawn, (await _s.Proposals.GetAsync(await _s.As(Demo.Secretariat), id)).Status);
        foreach (var outsider in new[] { Demo.CivilSociety, Demo.Observer, Demo.Admin })
        {
            var user = await _s.As(outsider);
            await Assert.ThrowsAsync<NotFoundException>(() => _s.Proposals.GetAsync(user, id));
            Assert.Empty(await _s.Proposals.ListForArticleAsync(user, articleId));
            Assert.DoesNotContain(comment, (await _s.Comments.ListAsync(user, new CommentFilter(await _s.DeclarationOfAsync(articleId))))
                .Select(t => t.Root.Id));
        }
        var refusal = await Assert.ThrowsAsync<HubException>(() =>
            editor.SubmitRawAsync("after", 1, editor.Revision, new object[] { "After. ", editor.Text.Length }));
        AssertRefusedAsFinal(refusal, "withdrawn");
    }

    /// <summary>
    /// An editor that joined while the proposal was a draft is refused by the registry, which the submission closed, or
    /// by the hub once it checks the editor's rights again.
    /// </summary>
    private static void AssertRefusedAsFinal(HubException refusal, string status) =>
        Assert.True(refusal.Message.Contains($"was {status}: its text", StringComparison.Ordinal) ||
                    refusal.Message.Contains("but not edit it", StringComparison.Ordinal), refusal.Message);
}
