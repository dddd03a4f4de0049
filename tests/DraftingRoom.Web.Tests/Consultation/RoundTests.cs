using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Consultation;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Tests.Infrastructure;

namespace DraftingRoom.Web.Tests.Consultation;

public sealed class RoundTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private readonly Scenario _s = new(shared.App);
    private RoundService Rounds => _s.Rounds;

    [Theory]
    [InlineData(Demo.Expert)]
    [InlineData(Demo.Secretariat)]
    public async Task The_independent_expert_or_the_secretariat_opens_a_round(string email)
    {
        var (declarationId, _) = await _s.DeclarationAsync(openRound: false);
        var user = await _s.As(email);
        var closes = DateTimeOffset.UtcNow.AddDays(60);
        Assert.False((await Rounds.GetStateAsync(user, declarationId)).IsOpen);

        var id = await Rounds.OpenAsync(user, declarationId, "  Second reading  ", closes);

        var state = await Rounds.GetStateAsync(await _s.As(Demo.Observer), declarationId);
        Assert.True(state.IsOpen);
        Assert.Equal(id, state.Current!.Id);
        Assert.Equal("Second reading", state.Current.Title);
        Assert.True(state.Current.IsOpen);
        Assert.Null(state.Current.ClosedAt);
        Assert.InRange(state.Current.ClosesAt, closes.AddMilliseconds(-1), closes.AddMilliseconds(1));
        Assert.Equal(id, state.Last!.Id);
        Assert.Equal(["round.opened"], await _s.AuditActionsAsync(id));
    }

    [Fact]
    public async Task Only_one_round_is_open_at_a_time()
    {
        var (declarationId, _) = await _s.DeclarationAsync();
        var expert = await _s.As(Demo.Expert);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Rounds.OpenAsync(expert, declarationId, "Another", DateTimeOffset.UtcNow.AddDays(10)));

        Assert.Contains("The round \"First reading\" is already open until", error.Message);
        Assert.Contains("Close it before opening another", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
        Assert.Single(await Rounds.ListAsync(expert, declarationId));
    }

    [Fact]
    public async Task Two_rounds_opened_at_once_make_one_round()
    {
        var expert = await _s.As(Demo.Expert);
        var secretariat = await _s.As(Demo.Secretariat);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var (declarationId, _) = await _s.DeclarationAsync(openRound: false);

            var outcomes = await Task.WhenAll(
                Scenario.AttemptAsync(() => Rounds.OpenAsync(expert, declarationId, "By the expert", DateTimeOffset.UtcNow.AddDays(10))),
                Scenario.AttemptAsync(() => Rounds.OpenAsync(secretariat, declarationId, "By the secretariat", DateTimeOffset.UtcNow.AddDays(10))));

            Assert.Single(outcomes, e => e is null);
            Assert.Contains("is already open", Assert.IsType<InvalidInputException>(Assert.Single(outcomes, e => e is not null)).Message);
            Assert.Single(await Rounds.ListAsync(expert, declarationId));
        }
    }

    [Theory]
    [InlineData(-1, "Round", "The closing date has passed: choose a date in the future.")]
    [InlineData(0, "Round", "The closing date has passed: choose a date in the future.")]
    [InlineData(10, "  ", "Give the round a name")]
    public async Task A_round_closing_in_the_past_or_without_a_name_is_refused(int days, string title, string message)
    {
        var (declarationId, _) = await _s.DeclarationAsync(openRound: false);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await Rounds.OpenAsync(await _s.As(Demo.Secretariat), declarationId, title, DateTimeOffset.UtcNow.AddDays(days)));

        Assert.Contains(message, error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
        Assert.False((await Rounds.GetStateAsync(await _s.As(Demo.Secretariat), declarationId)).IsOpen);
    }

    [Fact]
    public async Task Closing_a_round_ends_it_once()
    {
        var (declarationId, _) = await _s.DeclarationAsync();
        var secretariat = await _s.As(Demo.Secretariat);
        var round = (await Rounds.GetStateAsync(secretariat, declarationId)).Current!;

        await Rounds.CloseAsync(secretariat, round.Id);

        var state = await Rounds.GetStateAsync(secretariat, declarationId);
        Assert.False(state.IsOpen);
        Assert.Equal(round.Id, state.Last!.Id);
        Assert.NotNull(state.Last.ClosedAt);
        Assert.False(state.Last.IsOpen);
        var before = await _s.SnapshotAsync();
        Assert.Equal("This round is already closed.",
            (await Assert.ThrowsAsync<InvalidInputException>(() => Rounds.CloseAsync(secretariat, round.Id))).Message);
        Assert.Equal(before, await _s.SnapshotAsync());
        Assert.Equal(["round.opened", "round.closed"], await _s.AuditActionsAsync(round.Id));

        // A new round may follow.
        await Rounds.OpenAsync(secretariat, declarationId, "Second reading", DateTimeOffset.UtcNow.AddDays(5));
        Assert.Equal("Second reading", (await Rounds.GetStateAsync(secretariat, declarationId)).Current!.Title);
    }

    [Fact]
    public async Task After_the_round_closes_participants_can_no_longer_take_part_and_nothing_of_it_is_stored()
    {
        var (declarationId, articles) = await _s.DeclarationAsync();
        var article = articles[0];
        var delegate_ = await _s.As(Demo.Delegate);
        var comment = await _s.CommentAsync(Demo.Delegate, article, "Written while open.");
        var draft = await _s.DraftAsync(Demo.Delegate, article, Scenario.ArticleText.Replace("shall", "must"));
        var submitted = await _s.SubmittedAsync(Demo.CivilSociety, article, Scenario.ArticleText.Replace("Everyone", "Every person"));
        await _s.CloseRoundAsync(declarationId);
        var before = await _s.SnapshotAsync();

        var refusals = new Dictionary<string, Func<Task>>
        {
            ["comment"] = () => _s.Comments.PostAsync(delegate_, new NewComment(article, null, "Too late.")),
            ["comment on a proposal"] = () => _s.Comments.PostAsync(delegate_, new NewComment(article, submitted, "Too late.")),
            ["reply to comments"] = () => _s.Comments.ReplyAsync(delegate_, comment, "Too late."),
            ["edit comments"] = () => _s.Comments.EditAsync(delegate_, comment, "Changed too late."),
            ["propose new wording"] = () => _s.Proposals.CreateAsync(delegate_, article, "Too late"),
            ["submit proposals"] = () => _s.Submissions.SubmitAsync(delegate_, draft, "Too late."),
            ["endorse proposals"] = () => _s.Submissions.EndorseAsync(delegate_, submitted),
        };
        foreach (var (action, call) in refusals)
        {
            var error = await Assert.ThrowsAsync<RoundClosedException>(call);
            var expectedAction = action == "comment on a proposal" ? "comment" : action;
            Assert.Contains($"The consultation round \"First reading\" closed on {DateTimeOffset.UtcNow:d MMMM yyyy}, so you cannot {expectedAction} now. Reading stays open.", error.Message);
        }
        Assert.Equal(before, await _s.SnapshotAsync());

        // Reading stays open.
        var threads = await _s.Comments.ListAsync(delegate_, new CommentFilter(declarationId));
        Assert.Equal("Written while open.", Assert.Single(threads).Root.Body);
        Assert.Equal(ProposalStatus.Submitted, (await _s.Proposals.GetAsync(delegate_, submitted)).Status);
        Assert.Equal(ProposalStatus.Draft, (await _s.Proposals.GetAsync(delegate_, draft)).Status);
        Assert.Single((await _s.Declarations.GetAsync(delegate_, declarationId)).Articles);
        Assert.False((await Rounds.GetStateAsync(delegate_, declarationId)).IsOpen);
    }

    [Fact]
    public async Task Without_any_round_participants_are_told_none_was_opened()
    {
        var (_, articles) = await _s.DeclarationAsync(openRound: false);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<RoundClosedException>(() => _s.CommentAsync(Demo.CivilSociety, articles[0], "Hello."));

        Assert.Equal("No consultation round has been opened on this declaration yet, so you cannot comment. Reading stays open.", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Fact]
    public async Task Those_who_hold_the_pen_are_not_bound_by_rounds()
    {
        var (declarationId, articles) = await _s.DeclarationAsync();
        var root = await _s.CommentAsync(Demo.Delegate, articles[0], "Open question.");
        var submitted = await _s.SubmittedAsync(Demo.CivilSociety, articles[0], Scenario.ArticleText.Replace("Everyone", "Every person"));
        await _s.CloseRoundAsync(declarationId);

        foreach (var email in new[] { Demo.Secretariat, Demo.Expert })
        {
            var user = await _s.As(email);
            var id = await _s.Comments.PostAsync(user, new NewComment(articles[0], null, $"Note from {email}."));
            await _s.Comments.EditAsync(user, id, $"Edited note from {email}.");
            await _s.Comments.ReplyAsync(user, root, "Answered after the round.");
            var proposal = await _s.Proposals.CreateAsync(user, articles[0], "Secretariat wording");
            await _s.SetTextAsync(proposal, Scenario.ArticleText.Replace("take part", $"participate ({email})"));
            await _s.Submissions.SubmitAsync(user, proposal, "Consolidates the comments.");
        }
        var expert = await _s.As(Demo.Expert);
        await _s.Decisions.DecideAsync(expert, submitted, new Decisions.DecisionRequest(Decisions.DecisionKind.Accept, "Agreed.", null, 1));

        var threads = await _s.Comments.ListAsync(expert, new CommentFilter(declarationId));
        Assert.Equal(3, threads.Count);
        Assert.Equal(2, threads.Single(t => t.Root.Id == root).Replies.Count);
    }
}
