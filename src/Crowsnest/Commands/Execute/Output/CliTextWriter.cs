using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crowsnest.Commands.Execute.Output;

/// <summary>The AWS CLI's <c>--output text</c> (awscli text.py): tab-separated scalars in sorted key order, nested blocks titled by their upper-cased key.</summary>
public static class CliTextWriter
{
    public static string Write(JsonNode? node)
    {
        var sb = new StringBuilder();
        Format(sb, node, null, null);
        return sb.ToString();
    }

    private static void Format(StringBuilder sb, JsonNode? item, string? identifier, IReadOnlyList<string>? scalarKeys)
    {
        switch (item)
        {
            case JsonObject obj:
                FormatDict(sb, obj, identifier, scalarKeys);
                break;
            case JsonArray list:
                FormatList(sb, list, identifier);
                break;
            default:
                sb.Append(Scalar(item)).Append('\n');
                break;
        }
    }

    private static void FormatList(StringBuilder sb, JsonArray list, string? identifier)
    {
        if (list.Count == 0)
        {
            return;
        }
        if (list.Any(e => e is JsonObject))
        {
            var keys = list.OfType<JsonObject>().SelectMany(o => o.Where(p => p.Value is not (JsonObject or JsonArray)).Select(p => p.Key))
                .Distinct().Order(StringComparer.Ordinal).ToList();
            foreach (var element in list)
            {
                Format(sb, element, identifier, keys);
            }
            return;
        }
        var scalars = list.Where(e => e is not JsonArray).ToList();
        if (scalars.Count > 0)
        {
            if (identifier is not null)
            {
                foreach (var s in scalars)
                {
                    sb.Append(identifier.ToUpperInvariant()).Append('\t').Append(Scalar(s)).Append('\n');
                }
            }
            else
            {
                sb.AppendJoin('\t', scalars.Select(Scalar)).Append('\n');
            }
        }
        foreach (var nested in list.OfType<JsonArray>())
        {
            Format(sb, nested, identifier, null);
        }
    }

    private static void FormatDict(StringBuilder sb, JsonObject obj, string? identifier, IReadOnlyList<string>? scalarKeys)
    {
        var scalars = new List<string>();
        var nested = new List<(string Key, JsonNode? Value)>();
        if (scalarKeys is null)
        {
            foreach (var (k, v) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (v is JsonObject or JsonArray)
                {
                    nested.Add((k, v));
                }
                else
                {
                    scalars.Add(Scalar(v));
                }
            }
        }
        else
        {
            scalars.AddRange(scalarKeys.Select(k => obj.TryGetPropertyValue(k, out var v) ? Scalar(v) : ""));
            nested.AddRange(obj.Where(p => !scalarKeys.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
        }
        if (scalars.Count > 0)
        {
            if (identifier is not null)
            {
                scalars.Insert(0, identifier.ToUpperInvariant());
            }
            sb.AppendJoin('\t', scalars).Append('\n');
        }
        foreach (var (key, value) in nested)
        {
            Format(sb, value, key, null);
        }
    }

    /// <summary>A scalar as Python's <c>str()</c> prints it (True, False, None, 70.0).</summary>
    internal static string Scalar(JsonNode? node) => node switch
    {
        null => "None",
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "False",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.TryGetValue<double>(out var d) && !v.TryGetValue<JsonElement>(out _) && !v.TryGetValue<long>(out _) => CliJsonWriter.PythonFloat(d),
        _ => node.ToJsonString(),
    };
}
