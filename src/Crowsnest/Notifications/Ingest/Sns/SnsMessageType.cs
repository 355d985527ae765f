namespace Crowsnest.Notifications.Ingest.Sns;

/// <summary>The three kinds of message SNS posts to an HTTP/S endpoint.</summary>
public enum SnsMessageType
{
    /// <summary>A published message.</summary>
    Notification = 0,

    /// <summary>A new subscription asks to be confirmed.</summary>
    SubscriptionConfirmation,

    /// <summary>A subscription was deleted.</summary>
    UnsubscribeConfirmation,
}

/// <summary>Parses <c>Type</c> exactly as SNS spells it (the spelling is signed, so no case folding).</summary>
public static class SnsMessageTypes
{
    /// <summary>The type, or null when unknown.</summary>
    public static SnsMessageType? Parse(string? type) => type switch
    {
        "Notification" => SnsMessageType.Notification,
        "SubscriptionConfirmation" => SnsMessageType.SubscriptionConfirmation,
        "UnsubscribeConfirmation" => SnsMessageType.UnsubscribeConfirmation,
        _ => null,
    };
}
