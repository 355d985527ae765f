using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crowsnest.Commands.Execute.Output;

/// <summary>JSON as the AWS CLI prints it: <c>json.dumps(indent=4, ensure_ascii=False)</c>, floats in Python's form (<c>70.0</c>).</summary>
public static class CliJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 4,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Value(writer, node);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Value(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (k, v) in obj)
                {
                    writer.WritePropertyName(k);
                    Value(writer, v);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Value(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<double>(out var d) && !value.TryGetValue<JsonElement>(out _) && !value.TryGetValue<long>(out _):
                writer.WriteRawValue(PythonFloat(d));
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>Python's <c>repr(float)</c> for finite values: shortest round-trip digits, always with a decimal point.</summary>
    public static string PythonFloat(double d)
    {
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
