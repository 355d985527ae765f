using System.Globalization;
using System.Text.Json;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Actions;

/// <summary>
/// Reads a custom action's variable from an event. A variable's path names a value in the event's JSON:
/// <c>$event.detail.pipeline</c>, <c>event.detail.pipeline</c> and <c>$.detail.pipeline</c> are the same path;
/// array items are <c>resources[0]</c> or <c>resources.0</c>. The event is the payload as AWS sent it (the
/// EventBridge event, or the CloudWatch alarm JSON for SNS alarms). A few names need no path:
/// <c>$event.account</c>, <c>$event.region</c> and <c>$event.type</c> (Crowsnest's event type) always have a value
/// when the event knows it, whatever its shape.
/// </summary>
public static class EventVariables
{
    /// <summary>The value at <paramref name="path"/>: strings as they are, numbers and booleans as JSON text, objects and arrays as compact JSON; null when absent or JSON null.</summary>
    public static string? Read(AwsEvent awsEvent, string path)
    {
        ArgumentNullException.ThrowIfNull(awsEvent);
        ArgumentNullException.ThrowIfNull(path);
        var segments = Segments(path);
        if (segments is null)
        {
            return null;
        }
        if (segments.Count == 1 && Builtin(awsEvent, segments[0]) is { } builtin && !HasProperty(awsEvent.Payload, segments[0]))
        {
            return builtin;
        }
        var current = awsEvent.Payload;
        foreach (var segment in segments)
        {
            if (!Step(ref current, segment))
            {
                return null;
            }
        }
        return Text(current);
    }

    /// <summary>The path's segments after the <c>$event</c>, <c>event</c> or <c>$</c> root; null when it has none.</summary>
    internal static List<string>? Segments(string path)
    {
        var text = path.Trim();
        foreach (var root in (string[])["$event", "event", "$"])
        {
            if (text.StartsWith(root, StringComparison.Ordinal) && (text.Length == root.Length || text[root.Length] is '.' or '['))
            {
                text = text[root.Length..];
                break;
            }
        }
        var segments = text.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal)
            .Split('.', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length == 0 ? null : [.. segments];
    }

    private static string? Builtin(AwsEvent e, string name) => name switch
    {
        "account" => e.Account,
        "region" => e.Region,
        "type" => e.TypeName,
        _ => null,
    };

    private static bool HasProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);

    private static bool Step(ref JsonElement current, string segment)
    {
        switch (current.ValueKind)
        {
            case JsonValueKind.Object when current.TryGetProperty(segment, out var child):
                current = child;
                return true;
            case JsonValueKind.Array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength():
                current = current[index];
                return true;
            default:
                return false;
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Object or JsonValueKind.Array => JsonSerializer.Serialize(value, ActionsJson.Default.JsonElement),
        _ => value.GetRawText(),
    };
}
