using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DevLab.JmesPath;

namespace Crowsnest.Commands.Parse;

/// <summary><c>--query</c>: JMESPath (JmesPath.Net) over the result JSON, compiled once per expression.</summary>
public static class OutputQuery
{
    private static readonly JmesPath Engine = new();
    private static readonly ConcurrentDictionary<string, bool> Compiled = new(StringComparer.Ordinal);

    public static bool TryCompile(string expression, out string? error)
    {
        error = null;
        if (Compiled.ContainsKey(expression))
        {
            return true;
        }
        try
        {
            _ = Engine.Parse(expression);
            Compiled[expression] = true;
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>Applies a compiled expression; null when the expression selects nothing.</summary>
    public static JsonNode? Apply(JsonNode? document, string expression)
    {
        var json = document?.ToJsonString() ?? "null";
        var result = Engine.Transform(json, expression);
        return JsonNode.Parse(result);
    }
}
