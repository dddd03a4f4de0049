using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

public class DocumentSequencerTests
{
    private static TextOperation Op(string json) => TextOperation.Parse(json);

    [Fact]
    public void An_operation_on_the_current_revision_is_committed_as_the_next_revision()
    {
        var sequencer = new DocumentSequencer("abc");

        var result = sequencer.Receive("alice", 1, 0, Op("""[3, "!"]"""));

        Assert.False(result.IsDuplicate);
        Assert.Equal(new CommittedOperation(1, "alice", 1, Op("""[3, "!"]""")), result.Committed);
        Assert.Equal(1, sequencer.Revision);
        Assert.Equal("abc!", sequencer.Text);
    }

    [Fact]
    public void A_late_operation_is_transformed_over_everything_committed_since_its_base_revision()
    {
        var sequencer = new DocumentSequencer("abc");
        sequencer.Receive("alice", 1, 0, Op("""["<", 3]"""));
        sequencer.Receive("alice", 2, 1, Op("""[4, ">"]"""));

        var result = sequencer.Receive("bob", 1, 0, Op("""[1, -1, "B", 1]"""));

        Assert.Equal(Op("""[2, "B", -1, 2]"""), result.Committed.Operation);
        Assert.Equal("<aBc>", sequencer.Text);
    }

    [Fact]
    public void Text_inserted_at_the_same_place_goes_before_the_text_committed_earlier()
    {
        var sequencer = new DocumentSequencer("ab");
        sequencer.Receive("alice", 1, 0, Op("""[1, "A", 1]"""));

        var result = sequencer.Receive("bob", 1, 0, Op("""[1, "B", 1]"""));

        Assert.Equal(Op("""[1, "B", 2]"""), result.Committed.Operation);
        Assert.Equal("aBAb", sequencer.Text);
    }

    [Fact]
    public void A_resend_of_the_same_submission_is_applied_once_and_answered_with_the_first_result()
    {
        var sequencer = new DocumentSequencer("abc");
        var first = sequencer.Receive("alice", 1, 0, Op("""[3, "!"]"""));
        sequencer.Receive("bob", 1, 1, Op("""["?", 4]"""));

        var again = sequencer.Receive("alice", 1, 0, Op("""[3, "!"]"""));

        Assert.True(again.IsDuplicate);
        Assert.Equal(first.Committed, again.Committed);
        Assert.Equal("?abc!", sequencer.Text);
        Assert.Equal(2, sequencer.Revision);
    }

    [Fact]
    public void A_revision_from_the_future_is_refused()
    {
        var sequencer = new DocumentSequencer("abc");

        var error = Assert.Throws<OperationException>(() => sequencer.Receive("alice", 1, 1, Op("[3]")));

        Assert.Equal("Revision 1 does not exist yet: the document is at revision 0.", error.Message);
    }

    [Fact]
    public void A_revision_older_than_the_retained_history_is_refused()
    {
        var sequencer = new DocumentSequencer("", historyCapacity: 2);
        for (var i = 0; i < 4; i++)
        {
            sequencer.Receive("alice", i + 1, i, TextOperation.Builder().Retain(i).Insert("x").Build());
        }

        Assert.Equal(2, sequencer.OldestBaseRevision);
        var error = Assert.Throws<OperationException>(() => sequencer.Receive("bob", 1, 1, Op("""[1, "y"]""")));

        Assert.Contains("older than the history kept", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_that_does_not_fit_its_base_revision_is_refused_with_both_lengths()
    {
        var sequencer = new DocumentSequencer("abc");
        sequencer.Receive("alice", 1, 0, Op("""[3, "!"]"""));

        var error = Assert.Throws<OperationException>(() => sequencer.Receive("bob", 1, 0, Op("[4]")));

        Assert.Equal(
            "The operation expects a document of 4 characters but the document had 3 at revision 0.",
            error.Message);
    }

    [Fact]
    public void Prepare_computes_the_next_revision_without_committing_it()
    {
        var sequencer = new DocumentSequencer("abc");

        var prepared = sequencer.Prepare("alice", 1, 0, Op("""[3, "!"]"""));

        Assert.Equal(0, sequencer.Revision);
        Assert.Equal("abc", sequencer.Text);
        sequencer.Append(prepared.Committed);
        Assert.Equal("abc!", sequencer.Text);
    }

    [Fact]
    public void A_prepared_operation_that_lost_the_race_is_refused_and_can_be_prepared_again()
    {
        var sequencer = new DocumentSequencer("abc");
        var stale = sequencer.Prepare("alice", 1, 0, Op("""[3, "!"]"""));
        sequencer.Append(new CommittedOperation(1, "bob", 1, Op("""["?", 3]"""))); // another node stored revision 1

        Assert.Throws<OperationException>(() => sequencer.Append(stale.Committed));
        sequencer.Append(sequencer.Prepare("alice", 1, 0, Op("""[3, "!"]""")).Committed);

        Assert.Equal("?abc!", sequencer.Text);
    }

    [Fact]
    public void A_sequencer_rebuilt_from_a_snapshot_and_stored_operations_transforms_like_the_original()
    {
        var original = new DocumentSequencer("draft", revision: 10);
        original.Receive("alice", 1, 10, Op("""[5, " one"]"""));
        original.Receive("bob", 1, 11, Op("""["The ", 9]"""));

        var rebuilt = new DocumentSequencer("draft", revision: 10);
        foreach (var committed in original.GetOperationsSince(10))
        {
            rebuilt.Append(committed);
        }

        Assert.Equal(
            original.Prepare("carol", 1, 10, Op("""[5, "!"]""")),
            rebuilt.Prepare("carol", 1, 10, Op("""[5, "!"]""")));
        Assert.Equal("The draft one", rebuilt.Text);
    }

    [Fact]
    public void The_operations_since_a_revision_are_what_a_client_there_has_missed()
    {
        var sequencer = new DocumentSequencer();
        sequencer.Receive("alice", 1, 0, Op("""["a"]"""));
        sequencer.Receive("alice", 2, 1, Op("""[1, "b"]"""));

        Assert.Equal([2], sequencer.GetOperationsSince(1).Select(c => c.Revision));
        Assert.Empty(sequencer.GetOperationsSince(2));
        Assert.Throws<OperationException>(() => sequencer.GetOperationsSince(3));
    }

    [Fact]
    public void An_operation_that_would_split_an_emoji_in_the_current_text_is_refused()
    {
        var sequencer = new DocumentSequencer("a😀");

        Assert.Throws<OperationException>(() => sequencer.Receive("alice", 1, 0, Op("""[2, "x", 1]""")));
        Assert.Equal(0, sequencer.Revision);
    }
}
