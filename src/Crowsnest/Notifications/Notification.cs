namespace Crowsnest.Notifications;

/// <summary>Where a notification came in.</summary>
public enum NotificationSource
{
    /// <summary>An SNS envelope posted to the HTTPS endpoint.</summary>
    Sns = 0,

    /// <summary>A message read from an SQS queue.</summary>
    Sqs,

    /// <summary>An EventBridge API destination call.</summary>
    EventBridge,

    /// <summary>A generic webhook call.</summary>
    Webhook,

    /// <summary>A test message sent from the console or API.</summary>
    Test,
}

/// <summary>
/// One message that reached Crowsnest, as stored in the inbox. <see cref="MessageId"/> is the idempotency key:
/// the SNS MessageId, the EventBridge event id, or an id derived from a webhook call.
/// </summary>
public sealed record Notification
{
    /// <summary>The idempotency key.</summary>
    public required string MessageId { get; init; }

    /// <summary>How it arrived.</summary>
    public required NotificationSource Source { get; init; }

    /// <summary>The SNS topic, when it came through SNS.</summary>
    public string? TopicArn { get; init; }

    /// <summary>The webhook id or EventBridge source name, when it came through one.</summary>
    public string? SourceKey { get; init; }

    /// <summary>The SNS subject, when set.</summary>
    public string? Subject { get; init; }

    /// <summary>The payload: the SNS <c>Message</c> string, or the event JSON.</summary>
    public required string Body { get; init; }

    /// <summary>The publisher's timestamp, when known.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>When Crowsnest accepted it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>SNS message attributes (name → string value).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
