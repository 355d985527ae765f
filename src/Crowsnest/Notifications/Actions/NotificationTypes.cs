using System.Text.Json;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Actions;

/// <summary>The names a custom action's <c>NotificationType</c> may use for an event (see <see cref="CustomActionMatcher"/>).</summary>
public static class NotificationTypes
{
    /// <summary>Every normalised name that designates the event.</summary>
    public static IReadOnlySet<string> Of(AwsEvent awsEvent)
    {
        ArgumentNullException.ThrowIfNull(awsEvent);
        var names = new HashSet<string>(StringComparer.Ordinal) { Normalize(awsEvent.TypeName) };
        var dot = awsEvent.TypeName.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            names.Add(Normalize(awsEvent.TypeName[..dot]));
        }
        if (awsEvent.Source is { Length: > 0 } source)
        {
            names.Add(Normalize(source));
            if (source.StartsWith("aws.", StringComparison.Ordinal))
            {
                names.Add(Normalize(source[4..]));
            }
        }
        if (awsEvent.DetailType is { Length: > 0 } detailType)
        {
            names.Add(Normalize(detailType));
        }
        if (awsEvent.Payload.ValueKind == JsonValueKind.Object
            && awsEvent.Payload.TryGetProperty("metadata"u8, out var metadata) && metadata.ValueKind == JsonValueKind.Object
            && metadata.TryGetProperty("eventType"u8, out var eventType) && eventType.ValueKind == JsonValueKind.String)
        {
            names.Add(Normalize(eventType.GetString()!));
        }
        return names;
    }

    /// <summary>Lower case, with dots, spaces and underscores as dashes.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Trim().ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '.' or ' ' or '_')
            {
                chars[i] = '-';
            }
        }
        return new string(chars);
    }
}
