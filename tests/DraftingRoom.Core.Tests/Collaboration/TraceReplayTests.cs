using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

public class TraceReplayTests
{
    [Theory]
    [InlineData("automerge-paper")]
    [InlineData("seph-blog1")]
    public void Replaying_a_recorded_session_through_a_buffer_ends_at_the_recorded_text(string name)
    {
        var trace = SharedTraces.Load(name);
        var buffer = new TextBuffer(trace.StartContent);

        foreach (var operation in trace.ToOperations())
        {
            buffer.Apply(operation);
        }

        Assert.Equal(trace.EndContent, buffer.ToString());
    }

    [Theory]
    [InlineData("automerge-paper")]
    [InlineData("seph-blog1")]
    public void Replaying_a_recorded_session_through_a_client_and_the_server_ends_at_the_recorded_text(string name)
    {
        var trace = SharedTraces.Load(name);
        var server = new DocumentSequencer(trace.StartContent);
        var client = new OtClient("author", 0);

        foreach (var operation in trace.ToOperations())
        {
            var outgoing = client.ApplyLocal(operation)!;
            var result = server.Receive(outgoing.ClientId, outgoing.Sequence, outgoing.BaseRevision, outgoing.Operation);
            client.ReceiveAck(result.Committed.Revision);
        }

        Assert.Equal(trace.EndContent, server.Text);
        Assert.Equal(trace.PatchCount, server.Revision);
    }

    /// <remarks>
    /// <para>Once, one author deletes a full stop and types ", huh?" where it was while the other, unaware, types
    /// " The" just after it: after the delete both inserts meet at one position. The text committed later goes first,
    /// as in ot.js, and that reproduces the recording exactly.</para>
    /// <para>Why <see cref="ConcurrentTraceReplay"/> and not two <see cref="OtClient"/>s: an OtClient has one operation
    /// in flight and composes later edits into a buffer, sent when it processes the acknowledgement (in revision
    /// order), so the other author sees its transactions only in the pieces cut by those acknowledgements, and this
    /// recording needs cuts that no server order allows. Counting each agent's own transactions (the facts are checked
    /// by the test below): agent 1's 2791st to 2802nd were made knowing exactly agent 0's first 2818, and agent 0's
    /// 2802nd to 2834th knowing exactly agent 1's first 2790. Agent 0's 2835th knows agent 1's first 2797, so agent 1
    /// must process an acknowledgement between its 2797th and 2798th; knowing agent 0's first 2818 both times, it
    /// acknowledges an operation committed after agent 0's 2818th and before its 2819th, which (agent 1's first 2790
    /// being seen exactly too) either ends with agent 1's 2790th or holds some of its 2791st to 2797th. Agent 1's 2803rd
    /// and 2815th know agent 0's first 2824 and 2829, so agent 0 must process an acknowledgement between its 2829th and
    /// 2830th, both knowing agent 1's first 2790 only, of an operation holding its 2824th: that is committed before
    /// agent 1's 2791st, which rules out the second case. In the first, agent 0's 2818th is committed before agent 1's
    /// 2790th, yet agent 0 had processed agent 1's 2790th (and so every revision before it) when it made its 2802nd,
    /// before its 2818th existed. So the replay keeps one pending operation per transaction instead, transformed and
    /// submitted as an OtClient would.</para>
    /// </remarks>
    [Fact]
    public void Replaying_two_authors_typing_at_once_as_two_clients_of_the_server_ends_exactly_at_the_recorded_text()
    {
        var trace = SharedTraces.Load("friendsforever");
        Assert.True(trace.IsConcurrent);

        var (server, agents) = ConcurrentTraceReplay.Run(trace);

        Assert.Equal(trace.Transactions.Count, server.Revision);
        Assert.All(agents, text => Assert.Equal(server.Text, text));
        Assert.Equal(trace.EndContent, server.Text);
    }

    [Fact]
    public void The_recorded_ancestry_needs_cuts_that_clients_with_one_operation_in_flight_cannot_make()
    {
        var trace = SharedTraces.Load("friendsforever");
        var known = ConcurrentTraceReplay.KnownCounts(trace.Transactions, agentCount: 2);
        var byAgent = new List<int>[] { [], [] };
        for (var i = 0; i < trace.Transactions.Count; i++)
        {
            var agent = trace.Transactions[i].Agent;
            byAgent[agent].Add(known[i][1 - agent]);
        }

        // How many of the other agent's transactions the nth transaction of an agent knows.
        int Knows(int agent, int nth) => byAgent[agent][nth - 1];

        Assert.All(Enumerable.Range(2791, 12), nth => Assert.Equal(2818, Knows(1, nth)));
        Assert.All(Enumerable.Range(2802, 33), nth => Assert.Equal(2790, Knows(0, nth)));
        Assert.Equal(2797, Knows(0, 2835));
        Assert.Equal(2824, Knows(1, 2803));
        Assert.Equal(2829, Knows(1, 2815));
    }
}
