using DraftingRoom.Core.Collaboration;
using DraftingRoom.Core.Collaboration.Traces;

namespace DraftingRoom.Core.Tests.Collaboration;

/// <summary>
/// Replays a two-agent concurrent trace as two clients of one <see cref="DocumentSequencer"/>, each transaction
/// committed as its own revision in trace order.
/// </summary>
/// <remarks>
/// Each agent keeps a client view: the server revision it has seen and its own operations not yet seen committed,
/// transformed as the other agent's operations arrive, as <see cref="OtClient"/> transforms its outstanding operation
/// and buffer (its own operations first at equal positions, since the server commits them later). Before a
/// transaction the view is moved forward until it holds exactly the transaction's ancestors; the transaction's patches
/// then apply to the view's document, and the result is submitted with the view's revision (moved past the agent's own
/// last commit) as base revision, for the server to transform over the rest. The view keeps one pending operation per
/// transaction rather than one outstanding operation and a composed buffer: two <see cref="OtClient"/>s cannot give
/// every transaction of the friendsforever recording its recorded ancestors (see why in
/// <see cref="TraceReplayTests"/>).
/// </remarks>
internal sealed class ConcurrentTraceReplay
{
    private readonly EditingTrace _trace;
    private readonly DocumentSequencer _server;
    private readonly List<CommittedOperation> _log = [];
    private readonly int[] _agentOfRevision;

    private ConcurrentTraceReplay(EditingTrace trace)
    {
        _trace = trace;
        _server = new DocumentSequencer(trace.StartContent, historyCapacity: trace.Transactions.Count + 1);
        _agentOfRevision = new int[trace.Transactions.Count + 1];
    }

    /// <summary>The server after the replay, and each agent's document once it has caught up with everything.</summary>
    public static (DocumentSequencer Server, IReadOnlyList<string> Agents) Run(EditingTrace trace)
    {
        var replay = new ConcurrentTraceReplay(trace);
        var views = replay.Run();
        foreach (var view in views)
        {
            replay.CatchUp(view, _ => view.Revision < replay._log.Count);
        }

        return (replay._server, views.Select(v => v.Document.ToString()).ToList());
    }

    private View[] Run()
    {
        var transactions = _trace.Transactions;
        var agentCount = transactions.Max(t => t.Agent) + 1;
        if (agentCount > 2)
        {
            throw new NotSupportedException("Transaction-by-transaction views are only exact for two agents.");
        }

        var known = KnownCounts(transactions, agentCount);
        var views = Enumerable.Range(0, agentCount).Select(a => new View(a, _trace.StartContent, agentCount)).ToArray();
        for (var i = 0; i < transactions.Count; i++)
        {
            var transaction = transactions[i];
            var view = views[transaction.Agent];
            CatchUp(view, known[i]);

            var operation = TextOperation.Identity(view.Document.Length);
            foreach (var patch in transaction.Patches)
            {
                var step = patch.ToOperation(view.Document);
                view.Document.Apply(step);
                operation = TextOperation.Compose(operation, step);
            }

            view.Pending.Add(operation);
            Submit(view, operation);
        }

        return views;
    }

    // Applies committed revisions to the view until it has seen exactly the other agents' ancestors.
    private void CatchUp(View view, int[] ancestors)
    {
        CatchUp(view, v => v.IsBehind(ancestors));
        if (!view.Knows(ancestors))
        {
            throw new InvalidOperationException(
                $"Agent {view.Agent} would see more of the other agent's edits than the trace says it had.");
        }
    }

    private void CatchUp(View view, Func<View, bool> more)
    {
        while (more(view))
        {
            var committed = _log[(int)view.Revision];
            view.Revision++;
            var agent = _agentOfRevision[view.Revision];
            if (agent == view.Agent)
            {
                var mine = view.Pending[0];
                view.Pending.RemoveAt(0);
                Assert.Equal(mine, committed.Operation); // client and server transformed along the same path
                continue;
            }

            var remote = committed.Operation;
            for (var p = 0; p < view.Pending.Count; p++)
            {
                (var pending, remote) = TextOperation.Transform(view.Pending[p], remote);
                view.Pending[p] = pending;
            }

            view.Document.Apply(remote);
            view.Known[agent]++;
        }
    }

    private void Submit(View view, TextOperation operation)
    {
        // Past the agent's own last commit the server can do the rest: nothing after it is already in the operation.
        var baseRevision = view.Revision;
        var pending = new List<TextOperation>(view.Pending);
        while (baseRevision < view.LastCommitted)
        {
            baseRevision++;
            var committed = _log[(int)baseRevision - 1];
            if (_agentOfRevision[baseRevision] == view.Agent)
            {
                pending.RemoveAt(0);
                continue;
            }

            var remote = committed.Operation;
            for (var p = 0; p < pending.Count; p++)
            {
                (pending[p], remote) = TextOperation.Transform(pending[p], remote);
            }
        }

        var submitted = Assert.Single(pending);
        var result = _server.Receive($"agent-{view.Agent}", ++view.Sequence, baseRevision, submitted);
        _log.Add(result.Committed);
        _agentOfRevision[result.Committed.Revision] = view.Agent;
        view.LastCommitted = result.Committed.Revision;
    }

    /// <summary>For each transaction, how many transactions of each agent are among its ancestors.</summary>
    public static int[][] KnownCounts(IReadOnlyList<TraceTransaction> transactions, int agentCount)
    {
        var known = new int[transactions.Count][];
        for (var i = 0; i < transactions.Count; i++)
        {
            var counts = new int[agentCount];
            foreach (var parent in transactions[i].Parents)
            {
                var parentAgent = transactions[parent].Agent;
                for (var a = 0; a < agentCount; a++)
                {
                    var parentKnows = known[parent][a] + (a == parentAgent ? 1 : 0);
                    counts[a] = Math.Max(counts[a], parentKnows);
                }
            }

            known[i] = counts;
        }

        return known;
    }

    private sealed class View(int agent, string startContent, int agentCount)
    {
        public int Agent { get; } = agent;

        public long Revision { get; set; }

        public long LastCommitted { get; set; }

        public long Sequence { get; set; }

        public List<TextOperation> Pending { get; } = [];

        public TextBuffer Document { get; } = new(startContent);

        public int[] Known { get; } = new int[agentCount];

        public bool IsBehind(int[] ancestors)
        {
            for (var a = 0; a < ancestors.Length; a++)
            {
                if (a != Agent && Known[a] < ancestors[a])
                {
                    return true;
                }
            }

            return false;
        }

        public bool Knows(int[] ancestors)
        {
            for (var a = 0; a < ancestors.Length; a++)
            {
                if (a != Agent && Known[a] != ancestors[a])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
