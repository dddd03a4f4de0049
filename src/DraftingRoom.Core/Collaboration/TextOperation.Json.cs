using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DraftingRoom.Core.Collaboration;

public sealed partial class TextOperation
{
    /// <summary>The most steps an operation read from JSON may have.</summary>
    public const int MaxJsonComponents = 100_000;

    /// <summary>The most UTF-16 code units of inserted text an operation read from JSON may carry.</summary>
    public const int MaxJsonInsertedLength = 10_000_000;

    /// <summary>
    /// Reads an operation from the wire format: a JSON array in which a positive integer retains that many UTF-16
    /// code units, a negative integer deletes that many, and a string inserts itself. Valid but non-canonical input,
    /// such as <c>[2,3]</c>, is canonicalised (to <c>[5]</c>).
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="OperationException">The text is not such an array, has a zero or an empty string, a number
    /// that is not a whole 32-bit integer, or exceeds <see cref="MaxJsonComponents"/> or
    /// <see cref="MaxJsonInsertedLength"/>.</exception>
    public static TextOperation Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new OperationException("An operation must be a JSON array, but the text is empty.");
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            reader.Read();
            var operation = Read(ref reader);
            reader.Read(); // throws if anything but whitespace follows the array
            return operation;
        }
        catch (JsonException e)
        {
            throw new OperationException($"The operation is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Reads an operation from a parsed JSON value in the wire format (see <see cref="Parse"/>).</summary>
    /// <param name="json">The JSON array.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="OperationException">The value is not a valid operation.</exception>
    public static TextOperation FromJson(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Array)
        {
            throw new OperationException($"An operation must be a JSON array, not {Describe(json.ValueKind)}.");
        }

        var limits = new JsonLimits();
        var builder = new TextOperationBuilder();
        foreach (var item in json.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Number:
                    if (!item.TryGetInt32(out var count))
                    {
                        throw NotAnInteger(item.GetRawText());
                    }

                    limits.Add(0);
                    AddCount(builder, count);
                    break;
                case JsonValueKind.String:
                    var text = item.GetString()!;
                    limits.Add(text.Length);
                    AddText(builder, text);
                    break;
                default:
                    throw NotAStep(Describe(item.ValueKind));
            }
        }

        return builder.Build();
    }

    /// <summary>Writes the operation in the wire format, for example <c>[1,"X",-1,1]</c>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            Write(writer);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Writes the operation as a JSON array.</summary>
    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var component in _components)
        {
            switch (component.Kind)
            {
                case OperationComponentKind.Retain:
                    writer.WriteNumberValue(component.Length);
                    break;
                case OperationComponentKind.Delete:
                    writer.WriteNumberValue(-component.Length);
                    break;
                default:
                    writer.WriteStringValue(component.Text);
                    break;
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads an operation whose start-array token the reader is on, leaving it on the end-array token.</summary>
    internal static TextOperation Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new OperationException($"An operation must be a JSON array, not {Describe(reader.TokenType)}.");
        }

        var limits = new JsonLimits();
        var builder = new TextOperationBuilder();
        while (true)
        {
            if (!reader.Read())
            {
                throw new OperationException("The operation's JSON array is not closed.");
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray:
                    return builder.Build();
                case JsonTokenType.Number:
                    if (!reader.TryGetInt32(out var count))
                    {
                        throw NotAnInteger(Encoding.UTF8.GetString(reader.ValueSpan));
                    }

                    limits.Add(0);
                    AddCount(builder, count);
                    break;
                case JsonTokenType.String:
                    var text = ReadString(ref reader);
                    limits.Add(text.Length);
                    AddText(builder, text);
                    break;
                default:
                    throw NotAStep(Describe(reader.TokenType));
            }
        }
    }

    private static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json refuses an escaped lone surrogate; say so in the words the builder uses.
            throw new OperationException(
                "The inserted text has a lone surrogate: it must be well-formed UTF-16, with every emoji or other "
                + "character outside the Basic Multilingual Plane kept whole.",
                e);
        }
    }

    private static void AddCount(TextOperationBuilder builder, int count)
    {
        switch (count)
        {
            case > 0:
                builder.Retain(count);
                break;
            case < 0 when count != int.MinValue:
                builder.Delete(-count);
                break;
            case < 0:
                throw NotAnInteger(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            default:
                throw new OperationException(
                    "An operation step cannot be 0: use a positive number to retain or a negative number to delete.");
        }
    }

    private static void AddText(TextOperationBuilder builder, string text)
    {
        if (text.Length == 0)
        {
            throw new OperationException("An operation step cannot be the empty string: an insert needs text.");
        }

        builder.Insert(text);
    }

    private static OperationException NotAnInteger(string raw) => new(
        $"The operation step {raw} is not a whole number of characters between -{int.MaxValue} and {int.MaxValue}.");

    private static OperationException NotAStep(string what) => new(
        $"An operation step must be a number (retain or delete) or a string (insert), not {what}.");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "nothing",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        _ => token.ToString(),
    };

    // Bounds what one message can make the server allocate, before the operation is matched to any document.
    private struct JsonLimits
    {
        private int _components;
        private long _inserted;

        public void Add(int insertedLength)
        {
            if (++_components > MaxJsonComponents)
            {
                throw new OperationException(
                    $"The operation has more than {MaxJsonComponents} steps, the most DraftingRoom accepts.");
            }

            _inserted += insertedLength;
            if (_inserted > MaxJsonInsertedLength)
            {
                throw new OperationException(
                    $"The operation inserts more than {MaxJsonInsertedLength} characters, the most DraftingRoom accepts.");
            }
        }
    }
}
