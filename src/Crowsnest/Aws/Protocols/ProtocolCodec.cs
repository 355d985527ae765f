using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Crowsnest.Aws.Models;

namespace Crowsnest.Aws.Protocols;

/// <summary>Serialises a call and parses its answer in the protocol the service's model names.</summary>
public static class ProtocolCodec
{
    public static WireRequest Serialize(OperationModel operation, JsonObject input)
    {
        input = WithIdempotencyTokens(operation, input);
        return operation.Service.Metadata.Protocol switch
        {
            "query" => QuerySerializer.Serialize(operation, input, ec2: false),
            "ec2" => QuerySerializer.Serialize(operation, input, ec2: true),
            "json" => JsonRpcSerializer.Serialize(operation, input),
            "rest-json" => RestSerializer.Serialize(operation, input, xml: false),
            "rest-xml" => RestSerializer.Serialize(operation, input, xml: true),
            var other => throw new NotSupportedException($"Protocol {other} is not supported."),
        };
    }

    /// <summary>Is this answer an error (status ≥ 300, as botocore treats it)?</summary>
    public static bool IsError(WireResponse response) => response.Status >= 300;

    public static AwsError ParseError(OperationModel operation, WireResponse response) =>
        ErrorParser.Parse(operation.Service.Metadata.Protocol, response);

    /// <summary>The successful answer as JSON in model member names (an empty object when the operation has no output).</summary>
    public static JsonObject ParseOutput(OperationModel operation, WireResponse response)
    {
        var shape = operation.Output;
        if (shape is null)
        {
            return [];
        }
        var protocol = operation.Service.Metadata.Protocol;
        var result = protocol switch
        {
            "query" or "ec2" => XmlBody(response.Body) is { } root
                ? XmlOutputParser.Structure(
                    shape.ResultWrapper is { } wrapper ? root.Elements().FirstOrDefault(e => e.Name.LocalName == wrapper) ?? root : root, shape)
                : [],
            "json" => JsonBody(response.Body, shape),
            _ => RestBody(protocol, shape, response),
        };
        if (protocol.StartsWith("rest", StringComparison.Ordinal))
        {
            AddRestLocations(shape, response, result);
        }
        return result;
    }

    private static JsonObject RestBody(string protocol, Shape shape, WireResponse response)
    {
        if (shape.Payload is { } payloadName)
        {
            var member = shape.Members[payloadName];
            var result = new JsonObject();
            if (member.Type is "blob" or "string")
            {
                if (response.Body.Length > 0)
                {
                    result[payloadName] = Encoding.UTF8.GetString(response.Body);
                }
            }
            else if (response.Body.Length > 0)
            {
                result[payloadName] = protocol == "rest-xml"
                    ? XmlBody(response.Body) is { } root ? XmlOutputParser.Value(root, member) : null
                    : JsonBody(response.Body, member);
            }
            return result;
        }
        return protocol == "rest-xml"
            ? XmlBody(response.Body) is { } r ? XmlOutputParser.Structure(r, shape) : []
            : JsonBody(response.Body, shape);
    }

    private static void AddRestLocations(Shape shape, WireResponse response, JsonObject result)
    {
        foreach (var (name, member) in shape.Members)
        {
            switch (member.Location)
            {
                case "statusCode":
                    result[name] = response.Status;
                    break;
                case "header" when response.Header(member.LocationName ?? name) is { } value:
                    result[name] = member.JsonValue
                        ? JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(value)))
                        : member.IsList ? new JsonArray([.. value.Split(',').Select(v => JsonValue.Create(v.Trim()))])
                        : XmlOutputParser.Scalar(value, member);
                    break;
                case "headers":
                    var prefix = member.LocationName ?? "";
                    var map = new JsonObject();
                    foreach (var (k, v) in response.Headers)
                    {
                        if (k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                        {
                            map[k[prefix.Length..].ToLower(CultureInfo.InvariantCulture)] = v;
                        }
                    }
                    if (map.Count > 0)
                    {
                        result[name] = map;
                    }
                    break;
            }
        }
    }

    private static XElement? XmlBody(byte[] body) => body.Length == 0 ? null : XElement.Parse(Encoding.UTF8.GetString(body));

    private static JsonObject JsonBody(byte[] body, Shape shape)
    {
        if (body.Length == 0)
        {
            return [];
        }
        using var doc = JsonDocument.Parse(body);
        return JsonOutputParser.Value(doc.RootElement, shape) as JsonObject ?? [];
    }

    // botocore fills members with the idempotencyToken trait that the caller left out.
    private static JsonObject WithIdempotencyTokens(OperationModel operation, JsonObject input)
    {
        if (operation.Input is not { } shape || !shape.Members.Any(m => m.Value.IdempotencyToken && !input.ContainsKey(m.Key)))
        {
            return input;
        }
        var copy = (JsonObject)input.DeepClone();
        foreach (var (name, _) in shape.Members.Where(m => m.Value.IdempotencyToken && !input.ContainsKey(m.Key)))
        {
            copy[name] = Guid.NewGuid().ToString();
        }
        return copy;
    }
}
