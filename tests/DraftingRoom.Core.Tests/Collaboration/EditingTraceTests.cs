using System.Text;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Core.Collaboration.Traces;

namespace DraftingRoom.Core.Tests.Collaboration;

public class EditingTraceTests
{
    private static EditingTrace Read(string json) => EditingTrace.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Code_point_positions_are_converted_to_utf16_after_emoji()
    {
        var trace = Read("""
            {"startContent": "", "endContent": "😀a🎉c",
             "txns": [{"patches": [[0, 0, "😀ab"]]}, {"patches": [[2, 1, "🎉c"]]}]}
            """);

        var operations = trace.ToOperations();

        Assert.Equal(TextOperation.Parse("""[3, "🎉c", -1]"""), operations[1]);
        Assert.Equal(trace.EndContent, operations.Aggregate(trace.StartContent, (text, op) => op.Apply(text)));
    }

    [Fact]
    public void A_concurrent_trace_keeps_its_parents_and_agents()
    {
        var trace = Read("""
            {"kind": "concurrent", "endContent": "ab", "numAgents": 2,
             "txns": [{"parents": [], "agent": 0, "patches": [[0, 0, "a"]]},
                      {"parents": [], "agent": 1, "patches": [[0, 0, "b"]]}]}
            """);

        Assert.True(trace.IsConcurrent);
        Assert.Equal(1, trace.Transactions[1].Agent);
        Assert.Empty(trace.Transactions[1].Parents);
        Assert.Throws<InvalidOperationException>(() => trace.ToOperations());
    }

    [Fact]
    public void A_sequential_transaction_has_the_one_before_as_its_parent()
    {
        var trace = Read("""{"endContent": "ab", "txns": [{"patches": [[0, 0, "a"]]}, {"patches": [[1, 0, "b"]]}]}""");

        Assert.Equal([0], trace.Transactions[1].Parents);
    }

    [Fact]
    public void A_patch_past_the_end_of_the_document_is_refused() =>
        Assert.Throws<OperationException>(() => new TracePatch(3, 0, "x").ToOperation(new TextBuffer("😀")));

    [Fact]
    public void A_file_that_is_not_a_trace_is_refused() =>
        Assert.Throws<InvalidDataException>(() => Read("""{"txns": 3}"""));
}
