using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Crowsnest.Aws.Models;

namespace Crowsnest.Aws.Protocols;

/// <summary>
/// XML responses (query, ec2, rest-xml) into JSON with the model's member names, as botocore's XML parsers do.
/// Timestamps stay as sent (AWS CLI v1 prints them that way); numbers and booleans are typed.
/// </summary>
internal static class XmlOutputParser
{
    public static JsonObject Structure(XElement element, Shape shape)
    {
        var result = new JsonObject();
        var children = element.Elements().GroupBy(e => e.Name.LocalName).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var (name, member) in shape.Members)
        {
            if (member.Location is not null and not "body" && member.Location != "xmlAttribute")
            {
                continue; // headers and status codes come from elsewhere
            }
            if (member.XmlAttribute)
            {
                var attribute = element.Attributes().FirstOrDefault(a => a.Name.LocalName == (member.LocationName ?? name));
                if (attribute is not null)
                {
                    result[name] = Scalar(attribute.Value, member);
                }
                continue;
            }
            var key = member.IsList && member.Flattened ? member.Member!.LocationName ?? member.LocationName ?? name : member.LocationName ?? name;
            if (!children.TryGetValue(key, out var nodes))
            {
                continue;
            }
            result[name] = member.Flattened && (member.IsList || member.IsMap)
                ? Flattened(nodes, member)
                : Value(nodes[0], member);
        }
        return result;
    }

    public static JsonNode? Value(XElement element, Shape shape) => shape.Type switch
    {
        "structure" => Structure(element, shape),
        "list" => new JsonArray([.. element.Elements().Where(e => e.Name.LocalName == (shape.Member!.LocationName ?? "member")).Select(e => Value(e, shape.Member!))]),
        "map" => Map(element.Elements().Where(e => e.Name.LocalName == "entry"), shape),
        _ => Scalar(element.Value, shape),
    };

    private static JsonNode Flattened(List<XElement> nodes, Shape shape) =>
        shape.IsList ? new JsonArray([.. nodes.Select(n => Value(n, shape.Member!))]) : Map(nodes, shape);

    private static JsonObject Map(IEnumerable<XElement> entries, Shape shape)
    {
        var result = new JsonObject();
        var keyName = shape.Key?.LocationName ?? "key";
        var valueName = shape.Value?.LocationName ?? "value";
        foreach (var entry in entries)
        {
            var key = entry.Elements().FirstOrDefault(e => e.Name.LocalName == keyName)?.Value;
            var value = entry.Elements().FirstOrDefault(e => e.Name.LocalName == valueName);
            if (key is not null)
            {
                result[key] = value is null ? null : Value(value, shape.Value!);
            }
        }
        return result;
    }

    internal static JsonNode? Scalar(string text, Shape shape) => shape.Type switch
    {
        "integer" or "long" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        "float" or "double" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        "boolean" => JsonValue.Create(string.Equals(text, "true", StringComparison.OrdinalIgnoreCase)),
        _ => JsonValue.Create(text),
    };
}
