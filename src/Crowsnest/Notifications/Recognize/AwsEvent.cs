using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Charts;

namespace Crowsnest.Notifications.Recognize;

/// <summary>
/// A recognised event: its type, the notification it came in, the parsed payload, and the normalised common
/// fields the router filters on.
/// </summary>
public sealed record AwsEvent
{
    /// <summary>The event type name (<c>cloudwatch.alarm</c>, <c>eventbridge.generic</c>, ...).</summary>
    public required string TypeName { get; init; }

    /// <summary>The notification the event came in (its <see cref="Notification.Body"/> is the original event text).</summary>
    public required Notification Notification { get; init; }

    /// <summary>The parsed body (default for text bodies).</summary>
    public JsonElement Payload { get; init; }

    /// <summary>The parsed payload as the catalog saw it.</summary>
    public required ParsedPayload Parsed { get; init; }

    public string? Account { get; init; }

    public string? Region { get; init; }

    /// <summary>When the event happened, when a timestamp could be read.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>The event's timestamp exactly as sent (for odd formats that do not parse).</summary>
    public string? TimeText { get; init; }

    public Severity Severity { get; init; }

    /// <summary>EventBridge <c>source</c>, or the implied one for SNS forms (<c>aws.cloudwatch</c> for alarms).</summary>
    public string? Source { get; init; }

    /// <summary>EventBridge <c>detail-type</c>, or a descriptive kind for SNS forms.</summary>
    public string? DetailType { get; init; }

    /// <summary>ARNs or ids of the resources the event is about.</summary>
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>For CloudWatch metric alarms: what the chart step needs.</summary>
    public MetricChartRequest? Chart { get; init; }

    /// <summary>True for the generic fallbacks.</summary>
    public bool IsGeneric { get; init; }

    /// <summary>Type-specific state extracted during recognition, reused by the same type's renderer.</summary>
    public object? State { get; init; }
}
