using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;

namespace Crowsnest.Aws.Protocols;

/// <summary>JSON response bodies (json, rest-json) walked by the output shape: only modelled members, in model names.</summary>
internal static class JsonOutputParser
{
    public static JsonNode? Value(JsonElement element, Shape shape)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (shape.IsDocument)
        {
            return JsonNode.Parse(element.GetRawText());
        }
        switch (shape.Type)
        {
            case "structure" when element.ValueKind == JsonValueKind.Object:
                var result = new JsonObject();
                foreach (var (name, member) in shape.Members)
                {
                    if (member.Location is null && element.TryGetProperty(member.LocationName ?? name, out var v))
                    {
                        result[name] = Value(v, member);
                    }
                }
                return result;
            case "list" when element.ValueKind == JsonValueKind.Array:
                return new JsonArray([.. element.EnumerateArray().Select(e => Value(e, shape.Member!))]);
            case "map" when element.ValueKind == JsonValueKind.Object:
                var map = new JsonObject();
                foreach (var p in element.EnumerateObject())
                {
                    map[p.Name] = Value(p.Value, shape.Value!);
                }
                return map;
            default:
                return JsonNode.Parse(element.GetRawText());
        }
    }
}
