using System.Text.Json.Nodes;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Commands.Execute;

/// <summary>The small JMESPath subset paginators use: dotted paths to read and write, anything else evaluated with JMESPath.</summary>
internal static class JsonPaths
{
    public static JsonNode? Get(JsonObject root, string path)
    {
        if (path.IndexOfAny(['[', '|', '(', '*']) >= 0)
        {
            return OutputQuery.Apply(root, path);
        }
        JsonNode? node = root;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o && o.TryGetPropertyValue(part, out var child) ? child : null;
        }
        return node;
    }

    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next)
            {
                next = [];
                node[part] = next;
            }
            node = next;
        }
        node[parts[^1]] = value;
    }
}
