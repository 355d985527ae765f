using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;

namespace Crowsnest.Aws.Protocols;

/// <summary>rest-json and rest-xml requests (botocore BaseRestSerializer): URI labels, query string, headers, body or payload.</summary>
internal static class RestSerializer
{
    public static WireRequest Serialize(OperationModel operation, JsonObject input, bool xml)
    {
        var shape = operation.Input;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var uri = operation.RequestUri;
        var literalQuery = "";
        var q = uri.IndexOf('?', StringComparison.Ordinal);
        if (q >= 0)
        {
            literalQuery = uri[(q + 1)..];
            uri = uri[..q];
        }
        var query = new List<string>();
        if (literalQuery.Length > 0)
        {
            query.Add(literalQuery);
        }
        byte[] body = [];
        string? contentType = null;
        if (shape is not null)
        {
            foreach (var (name, member) in shape.Members)
            {
                if (!input.TryGetPropertyValue(name, out var v) || v is null)
                {
                    continue;
                }
                var wire = member.LocationName ?? name;
                switch (member.Location)
                {
                    case "uri":
                        var text = QuerySerializer.Scalar(member, v, "iso8601");
                        uri = uri.Replace($"{{{wire}+}}", string.Join('/', text.Split('/').Select(Uri.EscapeDataString)), StringComparison.Ordinal)
                                 .Replace($"{{{wire}}}", Uri.EscapeDataString(text), StringComparison.Ordinal);
                        break;
                    case "querystring":
                        AddQuery(query, wire, member, v);
                        break;
                    case "header":
                        if (Header(member, v) is { } h)
                        {
                            headers[wire] = h;
                        }
                        break;
                    case "headers":
                        foreach (var (k, hv) in (JsonObject)v)
                        {
                            headers[wire + k] = (string)hv!;
                        }
                        break;
                }
            }
            (body, contentType) = Body(operation, shape, input, xml);
        }
        var path = uri + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return new WireRequest(operation.HttpMethod, path, headers, body, contentType);
    }

    private static (byte[] Body, string? ContentType) Body(OperationModel operation, Shape shape, JsonObject input, bool xml)
    {
        if (shape.Payload is { } payloadName)
        {
            var member = shape.Members[payloadName];
            if (input[payloadName] is not { } payload)
            {
                return ([], null);
            }
            if (member.Type is "blob")
            {
                return (Convert.FromBase64String((string)payload!), null);
            }
            if (member.Type is "string")
            {
                return (Encoding.UTF8.GetBytes((string)payload!), null);
            }
            return xml
                ? (XmlBodyWriter.Write(member.LocationName ?? payloadName, member, payload), "application/xml")
                : (JsonBodyWriter.Write(member, (JsonObject)payload), "application/json");
        }
        var bodyMembers = shape.Members.Where(m => m.Value.Location is null).ToList();
        if (bodyMembers.Count == 0)
        {
            return ([], null);
        }
        if (xml)
        {
            var given = bodyMembers.Any(m => input.ContainsKey(m.Key));
            return given ? (XmlBodyWriter.Write(shape.LocationName ?? operation.Name + "Request", shape, Only(input, bodyMembers)), "application/xml") : ([], null);
        }
        return (JsonBodyWriter.Write(shape, input, (_, m) => m.Location is null), "application/json");
    }

    private static JsonObject Only(JsonObject input, List<KeyValuePair<string, Shape>> members)
    {
        var copy = new JsonObject();
        foreach (var (name, _) in members)
        {
            if (input[name] is { } v)
            {
                copy[name] = v.DeepClone();
            }
        }
        return copy;
    }

    private static void AddQuery(List<string> query, string name, Shape member, JsonNode value)
    {
        switch (value)
        {
            case JsonArray list:
                foreach (var item in list)
                {
                    query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(QuerySerializer.Scalar(member.Member!, item!, "iso8601"))}");
                }
                break;
            case JsonObject map:
                foreach (var (k, v) in map)
                {
                    foreach (var item in v as JsonArray ?? [v!.DeepClone()])
                    {
                        query.Add($"{Uri.EscapeDataString(k)}={Uri.EscapeDataString((string)item!)}");
                    }
                }
                break;
            default:
                query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(QuerySerializer.Scalar(member, value, "iso8601"))}");
                break;
        }
    }

    private static string? Header(Shape member, JsonNode value)
    {
        if (member.JsonValue)
        {
            return Convert.ToBase64String(Encoding.UTF8.GetBytes(value.ToJsonString()));
        }
        if (value is JsonArray list)
        {
            return list.Count == 0 ? null : string.Join(',', list.Select(i =>
            {
                var s = QuerySerializer.Scalar(member.Member!, i!, "rfc822");
                return s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? $"\"{s.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : s;
            }));
        }
        return QuerySerializer.Scalar(member, value, "rfc822");
    }
}
