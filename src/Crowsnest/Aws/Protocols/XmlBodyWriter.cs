using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Crowsnest.Aws.Models;

namespace Crowsnest.Aws.Protocols;

/// <summary>Writes a rest-xml body (botocore RestXMLSerializer): wrapper lists with member elements, flattened lists, attributes.</summary>
internal static class XmlBodyWriter
{
    public static byte[] Write(string rootName, Shape shape, JsonNode value)
    {
        var sb = new StringBuilder();
        using (var writer = XmlWriter.Create(sb, new XmlWriterSettings { OmitXmlDeclaration = true }))
        {
            Element(writer, rootName, shape, value, shape.XmlNamespaceUri);
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Element(XmlWriter writer, string name, Shape shape, JsonNode value, string? ns)
    {
        switch (shape.Type)
        {
            case "structure":
                writer.WriteStartElement(name, ns ?? "");
                var obj = (JsonObject)value;
                foreach (var (memberName, member) in shape.Members.Where(m => m.Value.XmlAttribute))
                {
                    if (obj[memberName] is { } a)
                    {
                        writer.WriteAttributeString(member.LocationName ?? memberName, QuerySerializer.Scalar(member, a, "iso8601"));
                    }
                }
                foreach (var (memberName, member) in shape.Members.Where(m => !m.Value.XmlAttribute))
                {
                    if (obj[memberName] is { } v)
                    {
                        Element(writer, member.LocationName ?? memberName, member, v, ns);
                    }
                }
                writer.WriteEndElement();
                break;
            case "list":
                var items = (JsonArray)value;
                if (shape.Flattened)
                {
                    foreach (var item in items)
                    {
                        Element(writer, shape.Member!.LocationName ?? name, shape.Member!, item!, ns);
                    }
                    break;
                }
                writer.WriteStartElement(name, ns ?? "");
                foreach (var item in items)
                {
                    Element(writer, shape.Member!.LocationName ?? "member", shape.Member!, item!, ns);
                }
                writer.WriteEndElement();
                break;
            case "map":
                if (!shape.Flattened)
                {
                    writer.WriteStartElement(name, ns ?? "");
                }
                foreach (var (k, v) in (JsonObject)value)
                {
                    writer.WriteStartElement(shape.Flattened ? name : "entry", ns ?? "");
                    writer.WriteElementString(shape.Key?.LocationName ?? "key", ns ?? "", k);
                    Element(writer, shape.Value?.LocationName ?? "value", shape.Value!, v!, ns);
                    writer.WriteEndElement();
                }
                if (!shape.Flattened)
                {
                    writer.WriteEndElement();
                }
                break;
            default:
                writer.WriteElementString(name, ns ?? "", QuerySerializer.Scalar(shape, value, "iso8601"));
                break;
        }
    }
}
