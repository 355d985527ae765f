namespace Crowsnest.Notifications.Ingest;

/// <summary>The outer shape a payload arrived in.</summary>
public enum PayloadShape
{
    /// <summary>An SNS envelope as posted to an HTTP/HTTPS endpoint (or delivered to SQS with raw delivery off).</summary>
    SnsEnvelope = 0,

    /// <summary>A Lambda SNS event: <c>Records[].Sns</c>.</summary>
    LambdaSnsEvent,

    /// <summary>An SQS event: <c>Records[].body</c>, each body an SNS envelope or a raw message.</summary>
    SqsEvent,

    /// <summary>A bare EventBridge event.</summary>
    EventBridgeEvent,

    /// <summary>Any other JSON document, taken as the message itself (an alarm message, a custom notification...).</summary>
    JsonMessage,

    /// <summary>Plain text, taken as the message itself.</summary>
    Text,
}

/// <summary>One notification read from a payload, with the SNS envelope it came in when there was one.</summary>
/// <param name="Notification">The notification to recognise.</param>
/// <param name="Envelope">The SNS envelope, exact strings kept for signature checks.</param>
/// <param name="Shape">The outer shape it was read from.</param>
public sealed record PayloadItem(Notification Notification, SnsEnvelope? Envelope, PayloadShape Shape);

/// <summary>
/// What <see cref="PayloadReader"/> made of a file or request body: the notifications it holds, or why it holds none.
/// </summary>
public sealed record PayloadReadResult
{
    /// <summary>The notifications (one for most shapes, several for Lambda/SQS batches).</summary>
    public IReadOnlyList<PayloadItem> Items { get; init; } = [];

    /// <summary>Why the payload could not be read; null when it was.</summary>
    public string? Error { get; init; }

    /// <summary>Headers of a full HTTP request, when the payload was one (<c>*.http.txt</c>).</summary>
    public IReadOnlyDictionary<string, string> HttpHeaders { get; init; } = new Dictionary<string, string>();

    /// <summary>True when at least one notification was read.</summary>
    public bool IsValid => Error is null;

    internal static PayloadReadResult Invalid(string reason) => new() { Error = reason };
}
