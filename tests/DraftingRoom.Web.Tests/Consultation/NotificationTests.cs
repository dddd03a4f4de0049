using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Decisions;
using DraftingRoom.Web.Tests.Infrastructure;

namespace DraftingRoom.Web.Tests.Consultation;

public sealed class NotificationTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private readonly Scenario _s = new(shared.App);

    [Fact]
    public async Task A_reply_notifies_the_author_of_the_comment_and_not_the_one_replying()
    {
        var (_, articles) = await _s.DeclarationAsync();
        var author = await _s.As(Demo.Delegate);
        var replier = await _s.As(Demo.Secretariat);
        await _s.Notifications.MarkReadAsync(author, null);
        var root = await _s.CommentAsync(Demo.Delegate, articles[0], "What does solidarity require of States?");
        var replierBefore = await _s.Notifications.CountUnreadAsync(replier);

        await _s.Comments.ReplyAsync(replier, root, "See the commentary.");

        var list = await _s.Notifications.ListAsync(author);
        Assert.Equal(1, list.Unread);
        var item = list.Items[0];
        Assert.Equal(NotificationKind.CommentReply, item.Kind);
        Assert.Equal("What does solidarity require of States?", item.Subject);
        Assert.Equal("Jonas Weber, Human Rights Officer", item.ActorName);
        Assert.Contains($"#comment-{root}", item.Link);
        Assert.False(item.IsRead);
        Assert.Equal(replierBefore, await _s.Notifications.CountUnreadAsync(replier));

        // A later reply by the author tells the Secretariat, who took part in the thread.
        await _s.Comments.ReplyAsync(author, root, "Thank you.");
        Assert.Equal(replierBefore + 1, await _s.Notifications.CountUnreadAsync(replier));
        Assert.Equal(1, await _s.Notifications.CountUnreadAsync(author));
    }

    [Fact]
    public async Task A_decision_notifies_every_sponsor()
    {
        var articleId = await _s.ArticleAsync();
        var id = await _s.SubmittedAsync(Demo.Delegate, articleId, Scenario.ArticleText.Replace("Everyone", "Every person"),
            Demo.SecondDelegate);
        var sponsors = new[] { await _s.As(Demo.Delegate), await _s.As(Demo.SecondDelegate) };
        foreach (var sponsor in sponsors) await _s.Notifications.MarkReadAsync(sponsor, null);

        await _s.Decisions.DecideAsync(await _s.As(Demo.Expert), id, new DecisionRequest(DecisionKind.Reject, "Out of scope.", null, 1));

        foreach (var sponsor in sponsors)
        {
            var list = await _s.Notifications.ListAsync(sponsor);
            Assert.Equal(1, list.Unread);
            Assert.Equal(NotificationKind.ProposalRejected, list.Items[0].Kind);
            Assert.Equal("Test proposal", list.Items[0].Subject);
            Assert.Equal($"proposals/{id}", list.Items[0].Link);
            Assert.Equal("Dr. Amara Okafor, Independent Expert", list.Items[0].ActorName);
        }
    }

    [Fact]
    public async Task Notifications_are_marked_read_one_by_one_or_all_at_once_and_only_by_their_owner()
    {
        var (_, articles) = await _s.DeclarationAsync();
        var author = await _s.As(Demo.CivilSociety);
        await _s.Notifications.MarkReadAsync(author, null);
        var root = await _s.CommentAsync(Demo.CivilSociety, articles[0], "Three replies, please.");
        foreach (var email in new[] { Demo.Delegate, Demo.SecondDelegate, Demo.Secretariat })
            await _s.Comments.ReplyAsync(await _s.As(email), root, $"Reply from {email}.");
        var list = await _s.Notifications.ListAsync(author);
        Assert.Equal(3, list.Unread);
        Assert.Equal(3, await _s.Notifications.CountUnreadAsync(author));

        // Someone else cannot mark them read.
        await _s.Notifications.MarkReadAsync(await _s.As(Demo.Delegate), list.Items[0].Id);
        Assert.Equal(3, await _s.Notifications.CountUnreadAsync(author));

        await _s.Notifications.MarkReadAsync(author, list.Items[0].Id);
        var after = await _s.Notifications.ListAsync(author);
        Assert.Equal(2, after.Unread);
        Assert.True(after.Items.Single(i => i.Id == list.Items[0].Id).IsRead);

        await _s.Notifications.MarkReadAsync(author, null);
        Assert.Equal(0, await _s.Notifications.CountUnreadAsync(author));
        Assert.All((await _s.Notifications.ListAsync(author)).Items, i => Assert.True(i.IsRead));
    }

    [Fact]
    public async Task Anonymous_visitors_have_no_notifications()
    {
        Assert.Equal(0, await _s.Notifications.CountUnreadAsync(TestApp.Anonymous));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Notifications.ListAsync(TestApp.Anonymous));
        await Assert.ThrowsAsync<AccessDeniedException>(() => _s.Notifications.MarkReadAsync(TestApp.Anonymous, null));
    }
}
