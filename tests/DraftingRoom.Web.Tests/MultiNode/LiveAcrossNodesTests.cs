using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Decisions;
using DraftingRoom.Web.Live;
using DraftingRoom.Web.Tests.Consultation;
using DraftingRoom.Web.Tests.Infrastructure;

namespace DraftingRoom.Web.Tests.MultiNode;

/// <summary>
/// The live notifications that Blazor pages subscribe to (<see cref="LiveNotifier"/>) reach the other node over Redis:
/// a page open on node B hears of a comment, a reply or a decision made on node A. The two nodes are two apps, each
/// on a port and a DI container of its own, on one database and one Redis; they share nothing else, so what node B's
/// notifier hears came through Redis.
/// </summary>
[Collection(SeveralNodes.Name)]
public sealed class LiveAcrossNodesTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_comment_a_reply_and_a_decision_made_on_node_A_are_heard_live_by_pages_on_node_B()
    {
        await using var redis = await RedisServer.StartOrSkipAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var nodeA = await TestApp.StartAsync(connectionString, s => s["ConnectionStrings:Redis"] = redis.ConnectionString);
        await using var nodeB = await TestApp.StartAsync(connectionString, s => s["ConnectionStrings:Redis"] = redis.ConnectionString);
        await Nodes.WaitUntilReadyAsync(nodeA.BaseAddress);
        await Nodes.WaitUntilReadyAsync(nodeB.BaseAddress);
        var notifierA = nodeA.Service<LiveNotifier>();
        var notifierB = nodeB.Service<LiveNotifier>();
        Assert.NotSame(notifierA, notifierB);

        var s = new Scenario(nodeA);
        var (declarationId, articles) = await s.DeclarationAsync();
        var amaria = await s.As(Demo.Delegate);
        var gsn = await s.As(Demo.CivilSociety);
        var amariaId = Scenario.UserId(amaria);

        // A page on node B showing the declaration, and Amaria's notification bell on node B.
        var declarationHeard = new Signal();
        var amariaHeard = new Signal();
        using var page = notifierB.SubscribeToDeclaration(declarationId, declarationHeard.Raise);
        using var bell = notifierB.SubscribeToUser(amariaId, amariaHeard.Raise);

        // Whatever node A announced while setting up has reached node B before each step.
        await FenceAsync(notifierA, notifierB);
        declarationHeard.Reset();
        var comment = await s.Comments.PostAsync(amaria, new NewComment(articles[0], null, "Solidarity needs a definition."));
        await declarationHeard.WaitAsync("the comment posted on node A");
        // The page then reloads on node B and finds the comment.
        var threads = await nodeB.Service<CommentService>().ListAsync(await nodeB.SignInAsAsync(Demo.Delegate), new CommentFilter(declarationId));
        Assert.Contains(threads, t => t.Root.Id == comment);

        await FenceAsync(notifierA, notifierB);
        declarationHeard.Reset();
        amariaHeard.Reset();
        await s.Comments.ReplyAsync(gsn, comment, "We propose one in Article 2.");
        await declarationHeard.WaitAsync("the reply posted on node A");
        await amariaHeard.WaitAsync("the notification of the reply to Amaria's comment");

        var proposal = await s.SubmittedAsync(Demo.Delegate, articles[0], Scenario.ArticleText.Replace("shall cooperate", "shall actively cooperate"));
        await FenceAsync(notifierA, notifierB);
        declarationHeard.Reset();
        amariaHeard.Reset();
        await s.Decisions.DecideAsync(await s.As(Demo.Expert), proposal, new DecisionRequest(DecisionKind.Accept, "Agreed.", null, 1));
        await declarationHeard.WaitAsync("the decision made on node A");
        await amariaHeard.WaitAsync("the notification to Amaria that her proposal was accepted");
    }

    /// <summary>
    /// Announces a change of a declaration nobody else uses on <paramref name="from"/> and waits until
    /// <paramref name="to"/> hears it. Redis delivers one publisher's messages in order, so everything
    /// <paramref name="from"/> announced before has arrived by then.
    /// </summary>
    private static async Task FenceAsync(LiveNotifier from, LiveNotifier to)
    {
        var fence = Guid.NewGuid();
        var heard = new Signal();
        using var subscription = to.SubscribeToDeclaration(fence, heard.Raise);
        from.DeclarationChanged(fence);
        await heard.WaitAsync("a change announced on node A (fence)");
    }

    private sealed class Signal
    {
        private TaskCompletionSource _raised = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Raise()
        {
            _raised.TrySetResult();
            return Task.CompletedTask;
        }

        public void Reset() => _raised = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task WaitAsync(string what)
        {
            try
            {
                await _raised.Task.WaitAsync(Nodes.Timeout);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"Node B did not hear of {what}.");
            }
        }
    }
}
