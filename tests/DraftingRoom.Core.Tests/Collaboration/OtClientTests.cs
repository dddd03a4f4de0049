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
        Assert.Equal("xRAyC", Assert.Single(update.ToApply).Apply(local)); // committed first, so before "A"
        var state = Assert.IsType<ClientState.AwaitingWithBuffer>(client.State);
        Assert.Equal(Op("""[2, "A", 1]"""), state.Outstanding.Operation);
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
}
