using System.Text.Json;
using System.Text.Json.Serialization;

namespace DraftingRoom.Core.Collaboration;

/// <summary>
/// Reads and writes <see cref="TextOperation"/> in the ot.js wire format (see <see cref="TextOperation.Parse"/>).
/// It is attached to the type, so System.Text.Json and SignalR's JSON protocol use it without configuration.
/// Malformed input fails with an <see cref="OperationException"/>.
/// </summary>
public sealed class TextOperationJsonConverter : JsonConverter<TextOperation>
{
    /// <inheritdoc/>
    public override TextOperation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TextOperation.Read(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TextOperation value, JsonSerializerOptions options) =>
        value.Write(writer);
}
