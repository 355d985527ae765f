using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;

namespace Crowsnest.Aws.Protocols;

/// <summary>Writes model values as an AWS JSON body: timestamps as epoch seconds unless the shape says otherwise.</summary>
internal static class JsonBodyWriter
{
    public static byte[] Write(Shape shape, JsonObject value, Func<string, Shape, bool>? include = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Structure(writer, shape, value, include);
        }
        return buffer.ToArray();
    }

    private static void Structure(Utf8JsonWriter writer, Shape shape, JsonObject value, Func<string, Shape, bool>? include)
    {
        writer.WriteStartObject();
        foreach (var (name, member) in shape.Members)
        {
            if (include is not null && !include(name, member) || !value.TryGetPropertyValue(name, out var v) || v is null)
            {
                continue;
            }
            writer.WritePropertyName(member.LocationName ?? name);
            Value(writer, member, v);
        }
        writer.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter writer, Shape shape, JsonNode value)
    {
        if (shape.IsDocument)
        {
            value.WriteTo(writer);
            return;
        }
        switch (shape.Type)
        {
            case "structure":
                Structure(writer, shape, (JsonObject)value, null);
                break;
            case "list":
                writer.WriteStartArray();
                foreach (var item in (JsonArray)value)
                {
                    Value(writer, shape.Member!, item!);
                }
                writer.WriteEndArray();
                break;
            case "map":
                writer.WriteStartObject();
                foreach (var (k, v) in (JsonObject)value)
                {
                    writer.WritePropertyName(k);
                    Value(writer, shape.Value!, v!);
                }
                writer.WriteEndObject();
                break;
            case "timestamp":
                var text = QuerySerializer.Scalar(shape, value, "unixTimestamp");
                if (shape.TimestampFormat is "iso8601" or "rfc822")
                {
                    writer.WriteStringValue(text);
                }
                else
                {
                    writer.WriteRawValue(text);
                }
                break;
            case "float" or "double" when value.GetValueKind() == JsonValueKind.Number:
                var d = value.GetValue<double>();
                if (double.IsFinite(d))
                {
                    writer.WriteRawValue(d.ToString("R", CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteStringValue(double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                }
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
