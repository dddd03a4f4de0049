using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

public class ReconnectTests
{
    private static TextOperation Op(string json) => TextOperation.Parse(json);

    [Fact]
    public void An_operation_whose_acknowledgement_was_lost_is_applied_once_when_resent()
    {
        var server = new DocumentSequencer("abc");
        var alice = new OtClient("alice", 0);
        var aliceText = "abc";

        // Alice's edit reaches the server, then her connection drops before the acknowledgement arrives.
        var sent = alice.ApplyLocal(Op("""[3, "!"]"""))!;
        aliceText = Op("""[3, "!"]""").Apply(aliceText);
        var first = server.Receive(sent.ClientId, sent.Sequence, sent.BaseRevision, sent.Operation);
        server.Receive("bob", 1, 1, Op("""["> ", 4]"""));

        // On reconnection she resends before fetching: the server recognises the submission.
        var resent = alice.PendingToResend!;
        Assert.Equal(sent.Sequence, resent.Sequence);
        var again = server.Receive(resent.ClientId, resent.Sequence, resent.BaseRevision, resent.Operation);
        Assert.True(again.IsDuplicate);
        Assert.Equal(first.Committed.Revision, again.Committed.Revision);

        // The acknowledgement waits for the catch-up, which brings Bob's edit in order.
        alice.ReceiveAck(again.Committed.Revision);
        foreach (var committed in server.GetOperationsSince(0))
        {
            foreach (var operation in alice.Receive(committed).ToApply)
            {
                aliceText = operation.Apply(aliceText);
            }
        }

        Assert.Equal("> abc!", server.Text);
        Assert.Equal(server.Text, aliceText);
        Assert.Equal(2, server.Revision);
        Assert.IsType<ClientState.Synchronized>(alice.State);
    }

    [Fact]
    public void An_operation_lost_on_the_way_is_transformed_over_what_was_missed_and_resent_with_its_sequence()
    {
        var server = new DocumentSequencer("abc");
        var alice = new OtClient("alice", 0);
        var aliceText = "abc";
        alice.ApplyLocal(Op("""[3, "!"]""")); // lost with the connection
        aliceText = Op("""[3, "!"]""").Apply(aliceText);
        alice.ApplyLocal(Op("""[4, "?"]""")); // buffered meanwhile
        aliceText = Op("""[4, "?"]""").Apply(aliceText);
        server.Receive("bob", 1, 0, Op("""["> ", 3]"""));

        foreach (var committed in server.GetOperationsSince(alice.Revision))
        {
            foreach (var operation in alice.Receive(committed).ToApply)
            {
                aliceText = operation.Apply(aliceText);
            }
        }

        var resent = alice.PendingToResend!;
        Assert.Equal(new OutgoingOperation("alice", 1, 1, Op("""[5, "!"]""")), resent);
        var ack = server.Receive(resent.ClientId, resent.Sequence, resent.BaseRevision, resent.Operation);
        var buffered = alice.ReceiveAck(ack.Committed.Revision).ToSend!;
        Assert.Equal(2, buffered.Sequence);
        alice.ReceiveAck(server.Receive(buffered.ClientId, buffered.Sequence, buffered.BaseRevision, buffered.Operation).Committed.Revision);

        Assert.Equal("> abc!?", server.Text);
        Assert.Equal(server.Text, aliceText);
        Assert.IsType<ClientState.Synchronized>(alice.State);
    }
}
