namespace Crowsnest.Configuration;

/// <summary>
/// A channel configuration as stored (<see cref="Storage.ResourceRecord.Document"/>), with the AWS Chatbot field
/// names. Secret fields (<c>WebhookUrl</c>, <c>SigningSecret</c>) are never here: see <see cref="ChannelSecrets"/>.
/// Defaulted members turn an explicit null (which the JSON source generator passes for absent fields) into the default.
/// </summary>
public sealed record ChannelConfigurationDocument
{
    public required string ChatConfigurationArn { get; init; }

    public required string ConfigurationName { get; init; }

    /// <summary>One of <see cref="TargetTypes"/>.</summary>
    public required string TargetType { get; init; }

    public string? SlackTeamId { get; init; }

    public string? SlackTeamName { get; init; }

    public string? SlackChannelId { get; init; }

    public string? SlackChannelName { get; init; }

    public string? TenantId { get; init; }

    public string? TeamId { get; init; }

    public string? TeamName { get; init; }

    public string? ChannelId { get; init; }

    public string? ChannelName { get; init; }

    /// <summary>Chime webhook or generic webhook description.</summary>
    public string? WebhookDescription { get; init; }

    /// <summary>Console inbox name (console targets).</summary>
    public string? InboxName { get; init; }

    public IReadOnlyList<string> SnsTopicArns { get; init => field = value ?? []; } = [];

    /// <summary>Crowsnest: intake sources besides SNS topics (e.g. <c>events</c>, <c>webhooks/build</c>).</summary>
    public IReadOnlyList<string> Sources { get; init => field = value ?? []; } = [];

    public string? IamRoleArn { get; init; }

    public IReadOnlyList<string> GuardrailPolicyArns { get; init => field = value ?? []; } = [];

    /// <summary>ERROR, INFO or NONE.</summary>
    public string LoggingLevel { get; init => field = value ?? "NONE"; } = "NONE";

    public bool UserAuthorizationRequired { get; init; }

    /// <summary>ENABLED or DISABLED.</summary>
    public string State { get; init => field = value ?? "ENABLED"; } = "ENABLED";

    public string? StateReason { get; init; }

    /// <summary>Crowsnest: which events reach this configuration.</summary>
    public EventFilterDocument? EventFilter { get; init; }

    /// <summary>Crowsnest: what to do with events no type recognises (<see cref="UnrecognizedEventPolicies"/>).</summary>
    public string UnrecognizedEvents { get; init => field = value ?? UnrecognizedEventPolicies.DeliverGeneric; } = UnrecognizedEventPolicies.DeliverGeneric;
}

/// <summary>The secret fields of a channel configuration (<see cref="Storage.ResourceRecord.Secrets"/>).</summary>
public sealed record ChannelSecrets
{
    /// <summary>Chime or generic webhook URL.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>Generic webhook HMAC signing secret.</summary>
    public string? SigningSecret { get; init; }
}

/// <summary>Crowsnest's per-configuration event filter; every part that is set must match.</summary>
public sealed record EventFilterDocument
{
    /// <summary>Event type names (<c>cloudwatch.alarm</c>); a trailing <c>*</c> matches a prefix. Empty = all.</summary>
    public IReadOnlyList<string> EventTypes { get; init => field = value ?? []; } = [];

    /// <summary>Lowest severity delivered (a <see cref="Messages.Severity"/> name), or null for all.</summary>
    public string? MinimumSeverity { get; init; }

    /// <summary>12-digit account ids. Empty = all.</summary>
    public IReadOnlyList<string> Accounts { get; init => field = value ?? []; } = [];

    /// <summary>Region names. Empty = all.</summary>
    public IReadOnlyList<string> Regions { get; init => field = value ?? []; } = [];

    /// <summary>An EventBridge event pattern (JSON) matched against the payload, or null.</summary>
    public string? EventPattern { get; init; }
}

/// <summary>Values of <see cref="ChannelConfigurationDocument.UnrecognizedEvents"/>.</summary>
public static class UnrecognizedEventPolicies
{
    /// <summary>Deliver a generic rendering.</summary>
    public const string DeliverGeneric = "deliver";

    /// <summary>Hold it in the console's unrecognised list, deliver nothing.</summary>
    public const string Hold = "hold";
}
