using System.Globalization;
using System.Text.Json;

namespace Crowsnest.Configuration.Filters;

/// <summary>
/// An EventBridge-style event pattern, compiled once: a field matches when any of its values matches any of the
/// pattern's values. Supports literals (string, number, boolean, null), nested objects, <c>prefix</c>,
/// <c>suffix</c>, <c>equals-ignore-case</c>, <c>wildcard</c>, <c>anything-but</c> (value, list or prefix),
/// <c>numeric</c> ranges and <c>exists</c>.
/// </summary>
public sealed class EventPattern
{
    private readonly Dictionary<string, Node> _fields;

    private EventPattern(Dictionary<string, Node> fields) => _fields = fields;

    /// <summary>Compiles a pattern; on failure returns null and the reason.</summary>
    public static EventPattern? TryCompile(string json, out string? error)
    {
        error = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "an event pattern must be a JSON object";
                return null;
            }
            return new EventPattern(CompileObject(document.RootElement));
        }
        catch (JsonException e)
        {
            error = $"the event pattern is not valid JSON ({e.Message})";
        }
        catch (FormatException e)
        {
            error = e.Message;
        }
        return null;
    }

    /// <summary>Whether the event matches.</summary>
    public bool Matches(JsonElement payload) => payload.ValueKind == JsonValueKind.Object && MatchObject(_fields, payload);

    private static Dictionary<string, Node> CompileObject(JsonElement element)
    {
        var fields = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.Object => new Node(CompileObject(property.Value), null),
                JsonValueKind.Array when property.Value.GetArrayLength() > 0 =>
                    new Node(null, [.. property.Value.EnumerateArray().Select(ValueMatcher.Compile)]),
                _ => throw new FormatException($"the event pattern's field '{property.Name}' must be an object or a non-empty array"),
            };
        }
        return fields;
    }

    private static bool MatchObject(Dictionary<string, Node> fields, JsonElement element)
    {
        foreach (var (name, node) in fields)
        {
            var present = element.TryGetProperty(name, out var value);
            if (node.Fields is not null)
            {
                if (!present || value.ValueKind != JsonValueKind.Object || !MatchObject(node.Fields, value))
                {
                    return false;
                }
                continue;
            }
            if (!MatchValues(node.Matchers!, present ? value : null))
            {
                return false;
            }
        }
        return true;
    }

    private static bool MatchValues(IReadOnlyList<ValueMatcher> matchers, JsonElement? value)
    {
        if (value is null)
        {
            return matchers.Any(m => m.MatchesAbsent);
        }
        if (value.Value.ValueKind == JsonValueKind.Array)
        {
            return value.Value.EnumerateArray().Any(v => matchers.Any(m => m.Matches(v)));
        }
        return matchers.Any(m => m.Matches(value.Value));
    }

    private sealed record Node(Dictionary<string, Node>? Fields, IReadOnlyList<ValueMatcher>? Matchers);

    internal static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => value.GetRawText(),
    };
}
