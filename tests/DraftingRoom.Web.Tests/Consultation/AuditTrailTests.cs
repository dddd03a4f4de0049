using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Decisions;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Tests.Consultation;

public sealed class AuditTrailTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private readonly Scenario _s = new(shared.App);

    [Fact]
    public async Task Every_change_of_the_consultation_records_who_did_what_and_when()
    {
        var (declarationId, articles) = await _s.DeclarationAsync(openRound: false);
        var article = articles[0];
        var expert = await _s.As(Demo.Expert);
        var secretariat = await _s.As(Demo.Secretariat);
        var amaria = await _s.As(Demo.Delegate);
        var gsn = await _s.As(Demo.CivilSociety);
        var serrania = await _s.As(Demo.SecondDelegate);
        long start;
        await using (var db = await _s.DbAsync()) start = await db.AuditEvents.MaxAsync(e => e.Id);
        var startedAt = DateTimeOffset.UtcNow;
        var expected = new List<(string Action, string Who, Guid Entity)>();

        var round = await _s.Rounds.OpenAsync(expert, declarationId, "Audit round", DateTimeOffset.UtcNow.AddDays(5));
        expected.Add(("round.opened", Demo.Expert, round));
        var comment = await _s.Comments.PostAsync(amaria, new NewComment(article, null, "First.", 3, 9));
        expected.Add(("comment.posted", Demo.Delegate, comment));
        var reply = await _s.Comments.ReplyAsync(gsn, comment, "Reply.");
        expected.Add(("comment.replied", Demo.CivilSociety, reply));
        await _s.Comments.EditAsync(amaria, comment, "First, edited.");
        expected.Add(("comment.edited", Demo.Delegate, comment));
        await _s.Comments.SetAddressedAsync(secretariat, comment, true);
        expected.Add(("comment.addressed", Demo.Secretariat, comment));
        await _s.Comments.SetAddressedAsync(secretariat, comment, false);
        expected.Add(("comment.reopened", Demo.Secretariat, comment));
        await _s.Comments.HideAsync(expert, reply, "Off topic.");
        expected.Add(("comment.hidden", Demo.Expert, reply));
        await _s.Comments.UnhideAsync(secretariat, reply);
        expected.Add(("comment.unhidden", Demo.Secretariat, reply));
        await _s.Comments.WithdrawAsync(gsn, reply);
        expected.Add(("comment.withdrawn", Demo.CivilSociety, reply));

        var accepted = await _s.Proposals.CreateAsync(amaria, article, "Actively");
        expected.Add(("proposal.created", Demo.Delegate, accepted));
        await _s.Proposals.InviteSponsorAsync(amaria, accepted, Scenario.UserId(serrania));
        expected.Add(("proposal.sponsor-invited", Demo.Delegate, accepted));
        await _s.SetTextAsync(accepted, Scenario.ArticleText.Replace("shall cooperate", "shall actively cooperate"));
        await _s.Submissions.SubmitAsync(serrania, accepted, "Active.");
        expected.Add(("proposal.submitted", Demo.SecondDelegate, accepted));
        await _s.Submissions.EndorseAsync(gsn, accepted);
        expected.Add(("proposal.endorsed", Demo.CivilSociety, accepted));
        await _s.Decisions.DecideAsync(expert, accepted, new DecisionRequest(DecisionKind.Accept, null, null, 1));
        expected.Add(("proposal.accepted", Demo.Expert, accepted));

        var changed = await _s.SubmittedAsync(Demo.CivilSociety, article, Scenario.ArticleText.Replace("Everyone", "Every person"));
        expected.Add(("proposal.created", Demo.CivilSociety, changed));
        expected.Add(("proposal.submitted", Demo.CivilSociety, changed));
        var adopted = Scenario.ArticleText.Replace("shall cooperate", "shall actively cooperate").Replace("Everyone", "Every human being");
        await _s.Decisions.DecideAsync(expert, changed, new DecisionRequest(DecisionKind.AcceptWithChanges, "Broader.", adopted, 2));
        expected.Add(("proposal.accepted-with-changes", Demo.Expert, changed));

        var rejected = await _s.SubmittedAsync(Demo.Delegate, article, adopted.Replace("take part", "join"));
        expected.Add(("proposal.created", Demo.Delegate, rejected));
        expected.Add(("proposal.submitted", Demo.Delegate, rejected));
        await _s.Decisions.DecideAsync(expert, rejected, new DecisionRequest(DecisionKind.Reject, "Narrower.", null, 3));
        expected.Add(("proposal.rejected", Demo.Expert, rejected));

        var withdrawn = await _s.DraftAsync(Demo.CivilSociety, article);
        expected.Add(("proposal.created", Demo.CivilSociety, withdrawn));
        await _s.Submissions.WithdrawAsync(gsn, withdrawn);
        expected.Add(("proposal.withdrawn", Demo.CivilSociety, withdrawn));

        await _s.Declarations.EditProvisionAsync(secretariat, article, new ProvisionEdit("Title 1", adopted + "\n\n3. New paragraph.", "Added"));
        expected.Add(("article.revised", Demo.Secretariat, article));
        await _s.Rounds.CloseAsync(secretariat, round);
        expected.Add(("round.closed", Demo.Secretariat, round));

        await using var check = await _s.DbAsync();
        var events = await check.AuditEvents.Where(e => e.Id > start).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(expected.Select(e => $"{e.Action} by {e.Who} on {e.Entity}"),
            events.Select(e => $"{e.Action} by {e.UserName} on {e.EntityId}"));
        foreach (var e in events)
        {
            Assert.NotNull(e.UserId);
            Assert.InRange(e.At, startedAt.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
            Assert.False(string.IsNullOrWhiteSpace(e.Summary) && e.Action is not ("comment.edited" or "comment.withdrawn"
                or "comment.addressed" or "comment.reopened" or "comment.unhidden"), $"{e.Action} has no summary");
        }
        Assert.Equal(Scenario.UserId(expert), events[0].UserId);
    }
}
