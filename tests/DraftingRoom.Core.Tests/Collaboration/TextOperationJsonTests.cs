using System.Text.Json;
using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

public class TextOperationJsonTests
{
    private sealed record Envelope(long Revision, TextOperation Operation);

    [Fact]
    public void Random_operations_survive_a_round_trip_through_json() => Property.ForAll(2000, random =>
    {
        var operation = RandomEdits.Operation(random, RandomEdits.Text(random, 20));

        Assert.Equal(operation, TextOperation.Parse(operation.ToJson()));
        using var json = JsonDocument.Parse(operation.ToJson());
        Assert.Equal(operation, TextOperation.FromJson(json.RootElement));
    });

    [Fact]
    public void The_converter_is_used_by_system_text_json_inside_other_messages()
    {
        var message = new Envelope(5, TextOperation.Parse("""[1, "é😀", -1]"""));

        var json = JsonSerializer.Serialize(message);

        Assert.Contains("""[1,""", json, StringComparison.Ordinal);
        Assert.Equal(message, JsonSerializer.Deserialize<Envelope>(json));
    }

    [Fact]
    public void Valid_but_non_canonical_input_is_canonicalised()
    {
        Assert.Equal("[5]", TextOperation.Parse("[2,3]").ToJson());
        Assert.Equal("""["ab",-3]""", TextOperation.Parse("""[-1, "a", -2, "b"]""").ToJson());
    }

    [Fact]
    public void An_empty_array_is_the_empty_operation() => Assert.Equal(TextOperation.Empty, TextOperation.Parse("[]"));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{}", "must be a JSON array")]
    [InlineData("[1,", "not valid JSON")]
    [InlineData("[0]", "cannot be 0")]
    [InlineData("[\"\"]", "empty string")]
    [InlineData("[1.5]", "not a whole number")]
    [InlineData("[1e3]", "not a whole number")]
    [InlineData("[4294967296]", "not a whole number")]
    [InlineData("[-2147483648]", "not a whole number")]
    [InlineData("[true]", "not a boolean")]
    [InlineData("[null]", "not null")]
    [InlineData("[[1]]", "not an array")]
    [InlineData("[{\"retain\":1}]", "not an object")]
    [InlineData("[1] [2]", "not valid JSON")]
    [InlineData("[2147483647, 1]", "longer than the largest document")]
    [InlineData("[\"\\ud83d\"]", "lone surrogate")]
    public void Malformed_input_is_refused_with_a_clear_message(string json, string expected)
    {
        var error = Assert.Throws<OperationException>(() => TextOperation.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_input_inside_a_message_is_refused_by_the_converter() =>
        Assert.Throws<OperationException>(() => JsonSerializer.Deserialize<Envelope>("""{"Revision":1,"Operation":[0]}"""));

    [Fact]
    public void An_operation_with_too_many_steps_is_refused()
    {
        var json = "[" + string.Join(",", Enumerable.Repeat("1,\"a\"", (TextOperation.MaxJsonComponents / 2) + 1)) + "]";

        var error = Assert.Throws<OperationException>(() => TextOperation.Parse(json));

        Assert.Contains("more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_operation_inserting_too_much_text_is_refused()
    {
        var json = "[\"" + new string('a', TextOperation.MaxJsonInsertedLength + 1) + "\"]";

        Assert.Throws<OperationException>(() => TextOperation.Parse(json));
    }
}
