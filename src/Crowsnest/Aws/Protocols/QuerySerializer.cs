using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Aws.Protocols;

/// <summary>The query and ec2 protocols' form-encoded request (botocore QuerySerializer / EC2Serializer).</summary>
internal static class QuerySerializer
{
    public static WireRequest Serialize(OperationModel operation, JsonObject input, bool ec2)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Action", operation.Name),
            new("Version", operation.Service.Metadata.ApiVersion),
        };
        if (operation.Input is { } shape)
        {
            Structure(fields, "", shape, input, ec2);
        }
        var body = new StringBuilder();
        foreach (var (k, v) in fields)
        {
            body.Append(body.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v));
        }
        return new WireRequest("POST", "/", new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body.ToString()),
            "application/x-www-form-urlencoded; charset=utf-8");
    }

    private static void Value(List<KeyValuePair<string, string>> fields, string prefix, Shape shape, JsonNode? value, bool ec2)
    {
        switch (shape.Type)
        {
            case "structure":
                Structure(fields, prefix, shape, (JsonObject)value!, ec2);
                break;
            case "list":
                List(fields, prefix, shape, (JsonArray)value!, ec2);
                break;
            case "map":
                var map = (JsonObject)value!;
                var i = 0;
                foreach (var (k, v) in map)
                {
                    i++;
                    var entry = shape.Flattened ? $"{prefix}.{i}" : $"{prefix}.entry.{i}";
                    fields.Add(new($"{entry}.{shape.Key?.LocationName ?? "key"}", k));
                    Value(fields, $"{entry}.{shape.Value?.LocationName ?? "value"}", shape.Value!, v, ec2);
                }
                break;
            default:
                fields.Add(new(prefix, Scalar(shape, value!, "iso8601")));
                break;
        }
    }

    private static void Structure(List<KeyValuePair<string, string>> fields, string prefix, Shape shape, JsonObject value, bool ec2)
    {
        foreach (var (name, member) in shape.Members)
        {
            if (!value.TryGetPropertyValue(name, out var v) || v is null)
            {
                continue;
            }
            var wireName = ec2
                ? member.QueryName ?? (member.LocationName is { Length: > 0 } ln ? char.ToUpperInvariant(ln[0]) + ln[1..] : name)
                : member.LocationName ?? name;
            Value(fields, prefix.Length == 0 ? wireName : $"{prefix}.{wireName}", member, v, ec2);
        }
    }

    private static void List(List<KeyValuePair<string, string>> fields, string prefix, Shape shape, JsonArray items, bool ec2)
    {
        if (items.Count == 0)
        {
            if (!ec2)
            {
                fields.Add(new(prefix, ""));
            }
            return;
        }
        string listPrefix;
        if (ec2)
        {
            listPrefix = prefix;
        }
        else if (shape.Flattened)
        {
            listPrefix = shape.Member!.LocationName is { } n ? string.Join('.', prefix.Split('.')[..^1].Append(n)) : prefix;
        }
        else
        {
            listPrefix = $"{prefix}.{shape.Member!.LocationName ?? "member"}";
        }
        for (var i = 0; i < items.Count; i++)
        {
            Value(fields, $"{listPrefix}.{i + 1}", shape.Member!, items[i], ec2);
        }
    }

    /// <summary>A scalar as text: booleans lower-case, timestamps in the shape's (or the default) format.</summary>
    internal static string Scalar(Shape shape, JsonNode value, string defaultTimestampFormat)
    {
        var element = value.GetValueKind();
        if (shape.Type == "timestamp" && Timestamps.TryParse(element == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(), out var t))
        {
            return (shape.TimestampFormat ?? defaultTimestampFormat) switch
            {
                "rfc822" => Timestamps.Rfc822(t),
                "unixTimestamp" => Timestamps.EpochSeconds(t),
                _ => Timestamps.Iso8601(t),
            };
        }
        return element switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number when shape.Type is "float" or "double" => FormatDouble(value.GetValue<double>()),
            _ => value.ToJsonString(),
        };
    }

    private static string FormatDouble(double d) =>
        double.IsPositiveInfinity(d) ? "Infinity" : double.IsNegativeInfinity(d) ? "-Infinity" : double.IsNaN(d) ? "NaN"
        : d.ToString("R", CultureInfo.InvariantCulture);
}
