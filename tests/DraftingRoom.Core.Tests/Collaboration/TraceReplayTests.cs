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
    /// The trace was recorded with a CRDT, which remembers where deleted characters were; OT does not. Once, one
    /// author deletes a full stop and types ", huh?" where it was while the other, unaware, types " The" just after
    /// it: both inserts then meet at one position, the server's tie-break (earlier commit first) puts " The" first,
    /// and the first author's next keystrokes, placed by the recorded positions, land inside it. Everything else
    /// must match the recorded text exactly, and every client must end with the server's text.
    /// </remarks>
    [Fact]
    public void Replaying_two_authors_typing_at_once_as_two_clients_of_the_server_converges_on_the_recorded_text()
    {
        var trace = SharedTraces.Load("friendsforever");
        Assert.True(trace.IsConcurrent);

        var (server, agents) = ConcurrentTraceReplay.Run(trace);

        Assert.Equal(trace.Transactions.Count, server.Revision);
        Assert.All(agents, text => Assert.Equal(server.Text, text));
        AssertSameExceptOneReorderedWindow(trace.EndContent, server.Text, maxWindow: 16);
    }

    private static void AssertSameExceptOneReorderedWindow(string expected, string actual, int maxWindow)
    {
        Assert.Equal(expected.Length, actual.Length);
        var start = 0;
        while (start < expected.Length && expected[start] == actual[start])
        {
            start++;
        }

        var end = expected.Length;
        while (end > start && expected[end - 1] == actual[end - 1])
        {
            end--;
        }

        Assert.True(
            end - start <= maxWindow,
            $"The replay differs from the recorded text over {end - start} characters from position {start}.");
        Assert.Equal(
            expected.Substring(start, end - start).Order(),
            actual.Substring(start, end - start).Order());
    }
}
