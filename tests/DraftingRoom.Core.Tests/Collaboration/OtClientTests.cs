using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

public class OtClientTests
{
    private static TextOperation Op(string json) => TextOperation.Parse(json);

    [Fact]
    public void A_synchronized_client_sends_a_local_edit_at_once_with_sequence_1()
    {
        var client = new OtClient("c1", 4);

        var outgoing = client.ApplyLocal(Op("""["a"]"""));

        Assert.Equal(new OutgoingOperation("c1", 1, 4, Op("""["a"]""")), outgoing);
        Assert.IsType<ClientState.AwaitingConfirm>(client.State);
    }

    [Fact]
    public void Edits_made_while_awaiting_are_buffered_and_composed()
    {
        var client = new OtClient("c1", 0);
        client.ApplyLocal(Op("""["a"]"""));

        Assert.Null(client.ApplyLocal(Op("""[1, "b"]""")));
        Assert.Null(client.ApplyLocal(Op("""[2, "c"]""")));

        var state = Assert.IsType<ClientState.AwaitingWithBuffer>(client.State);
        Assert.Equal(Op("""[1, "bc"]"""), state.Buffer);
    }

    [Fact]
    public void An_acknowledgement_sends_the_buffer_with_the_next_sequence_number()
    {
        var client = new OtClient("c1", 0);
        client.ApplyLocal(Op("""["a"]"""));
        client.ApplyLocal(Op("""[1, "b"]"""));

        var update = client.ReceiveAck(1);

        Assert.Equal(new OutgoingOperation("c1", 2, 1, Op("""[1, "b"]""")), update.ToSend);
        Assert.Equal(1, client.Revision);
        client.ReceiveAck(2);
        Assert.IsType<ClientState.Synchronized>(client.State);
    }

    [Fact]
    public void A_remote_operation_is_transformed_past_the_outstanding_and_buffered_edits()
    {
        var client = new OtClient("c1", 0); // document "xy"
        client.ApplyLocal(Op("""[1, "A", 1]"""));
        client.ApplyLocal(Op("""[3, "C"]"""));

        var update = client.ReceiveRemote(1, Op("""[1, "R", 1]"""));

        var local = Op("""[3, "C"]""").Apply(Op("""[1, "A", 1]""").Apply("xy"));
        Assert.Equal("xARyC", Assert.Single(update.ToApply).Apply(local)); // "A" is committed later, so first
        var state = Assert.IsType<ClientState.AwaitingWithBuffer>(client.State);
        Assert.Equal(Op("""[1, "A", 2]"""), state.Outstanding.Operation);
        Assert.Equal(Op("""[4, "C"]"""), state.Buffer);
    }

    [Fact]
    public void Buffered_text_at_the_same_place_as_a_remote_insert_goes_first()
    {
        var client = new OtClient("c1", 0); // document "xy"
        client.ApplyLocal(Op("""[2, "!"]"""));
        client.ApplyLocal(Op("""[1, "B", 2]"""));

        var update = client.ReceiveRemote(1, Op("""[1, "R", 1]"""));

        Assert.Equal("xBRy!", Assert.Single(update.ToApply).Apply("xBy!"));
        var state = Assert.IsType<ClientState.AwaitingWithBuffer>(client.State);
        Assert.Equal(Op("""[1, "B", 3]"""), state.Buffer);
    }

    [Fact]
    public void The_clients_and_the_server_order_concurrent_inserts_at_one_place_alike()
    {
        var server = new DocumentSequencer("xy");
        var alice = new OtClient("alice", 0);
        var bob = new OtClient("bob", 0);
        var fromAlice = alice.ApplyLocal(Op("""[1, "A", 1]"""))!;
        var fromBob = bob.ApplyLocal(Op("""[1, "B", 1]"""))!;
        var aliceText = fromAlice.Operation.Apply("xy");
        var bobText = fromBob.Operation.Apply("xy");

        var first = server.Receive(fromAlice.ClientId, fromAlice.Sequence, fromAlice.BaseRevision, fromAlice.Operation);
        var second = server.Receive(fromBob.ClientId, fromBob.Sequence, fromBob.BaseRevision, fromBob.Operation);
        alice.ReceiveAck(first.Committed.Revision);
        aliceText = Assert.Single(alice.Receive(second.Committed).ToApply).Apply(aliceText);
        bobText = Assert.Single(bob.Receive(first.Committed).ToApply).Apply(bobText);
        bob.ReceiveAck(second.Committed.Revision);

        Assert.Equal("xBAy", server.Text); // Bob's text reached the server second, so it comes first
        Assert.Equal(server.Text, aliceText);
        Assert.Equal(server.Text, bobText);
    }

    [Fact]
    public void An_acknowledgement_that_overtakes_an_earlier_broadcast_waits_for_it()
    {
        var client = new OtClient("c1", 4);
        client.ApplyLocal(Op("""["a", 3]"""));

        var early = client.ReceiveAck(6);

        Assert.Same(ClientUpdate.None, early);
        Assert.True(client.HasMissingRevisions);
        Assert.Equal(4, client.Revision);

        var update = client.ReceiveRemote(5, Op("""[3, "z"]"""));

        Assert.Equal(Op("""[4, "z"]"""), Assert.Single(update.ToApply));
        Assert.Equal(6, client.Revision);
        Assert.False(client.HasMissingRevisions);
        Assert.IsType<ClientState.Synchronized>(client.State);
    }

    [Fact]
    public void Operations_received_into_a_list_of_the_callers_are_collected_there_in_order()
    {
        var client = new OtClient("c1", 4);
        client.ApplyLocal(Op("""["a", 3]"""));
        client.ReceiveAck(7);
        var toApply = new List<TextOperation> { Op("""[4]""") };

        // Revision 6 arrives before 5 and waits; 5 releases both, then the held acknowledgement sends nothing more.
        Assert.Null(client.ReceiveRemote(6, Op("""[1, "y", 3]"""), toApply));
        Assert.Equal(4, client.Revision);
        Assert.Null(client.ReceiveRemote(5, Op("""[3, "z"]"""), toApply));
        Assert.Null(client.ReceiveRemote(5, Op("""[3, "z"]"""), toApply));

        Assert.Equal([Op("""[4]"""), Op("""[4, "z"]"""), Op("""[2, "y", 3]""")], toApply);
        Assert.Equal(7, client.Revision);
        Assert.IsType<ClientState.Synchronized>(client.State);
    }

    [Fact]
    public void A_buffer_waiting_for_an_acknowledgement_is_sent_once_the_list_receiver_catches_up_to_it()
    {
        var client = new OtClient("c1", 0);
        client.ApplyLocal(Op("""["a"]"""));
        client.ApplyLocal(Op("""[1, "b"]"""));
        client.ReceiveAck(2);
        var toApply = new List<TextOperation>();

        var toSend = client.ReceiveRemote(1, Op("""["x"]"""), toApply);

        Assert.Equal(Op("""[2, "x"]"""), Assert.Single(toApply));
        Assert.Equal(new OutgoingOperation("c1", 2, 2, Op("""[1, "b", 1]""")), toSend);
    }

    [Fact]
    public void Events_at_or_below_the_current_revision_are_ignored_as_duplicates()
    {
        var client = new OtClient("c1", 0);
        client.ReceiveRemote(1, Op("""["a"]"""));

        Assert.Same(ClientUpdate.None, client.ReceiveRemote(1, Op("""["a"]""")));
        Assert.Same(ClientUpdate.None, client.ReceiveAck(1));
        Assert.Equal(1, client.Revision);
    }

    [Fact]
    public void Its_own_committed_operation_fetched_after_a_reconnection_counts_as_the_acknowledgement()
    {
        var client = new OtClient("c1", 0);
        client.ApplyLocal(Op("""["a"]"""));

        var update = client.Receive(new CommittedOperation(1, "c1", 1, Op("""["a"]""")));

        Assert.Empty(update.ToApply);
        Assert.IsType<ClientState.Synchronized>(client.State);
    }

    [Fact]
    public void The_outstanding_operation_is_resent_with_its_sequence_number_at_the_current_revision()
    {
        var client = new OtClient("c1", 0);
        client.ApplyLocal(Op("""[1, "a"]"""));
        client.ReceiveRemote(1, Op("""["r", 1]"""));

        Assert.Equal(new OutgoingOperation("c1", 1, 1, Op("""[2, "a"]""")), client.PendingToResend);
    }

    [Fact]
    public void Nothing_is_resent_by_a_synchronized_client() => Assert.Null(new OtClient("c1", 0).PendingToResend);

    [Fact]
    public void An_acknowledgement_with_nothing_outstanding_is_refused() =>
        Assert.Throws<OperationException>(() => new OtClient("c1", 0).ReceiveAck(1));

    [Fact]
    public void A_remote_selection_is_moved_past_local_edits_not_yet_acknowledged()
    {
        var client = new OtClient("c1", 0); // document "hello"
        client.ApplyLocal(Op("""["> ", 5]"""));

        Assert.Equal(new Selection(3, 6), client.TransformRemoteSelection(new Selection(1, 4)));
    }

    [Fact]
    public void A_remote_caret_stays_in_front_of_local_text_typed_exactly_at_it()
    {
        var client = new OtClient("c1", 0); // document "hello"
        client.ApplyLocal(Op("""[2, "AB", 3]"""));
        client.ApplyLocal(Op("""[2, "C", 5]"""));

        // What its owner types there next will reach the server after "AB" and so land before it.
        Assert.Equal(Selection.Caret(2), client.TransformRemoteSelection(Selection.Caret(2)));
        Assert.Equal(new Selection(2, 6), client.TransformRemoteSelection(new Selection(2, 3)));
    }
}
