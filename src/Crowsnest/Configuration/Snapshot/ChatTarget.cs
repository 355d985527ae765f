namespace Crowsnest.Configuration.Snapshot;

/// <summary>
/// Where a configuration's messages go. <see cref="Key"/> identifies the target without any secret; the secrets a
/// target carries (webhook URLs, signing secrets) are listed by <see cref="Secrets"/> so errors can be redacted.
/// </summary>
public abstract record ChatTarget
{
    /// <summary>A stable, secret-free key (outbox target, rate limits), e.g. <c>slack:T1:C1</c>.</summary>
    public abstract string Key { get; }

    /// <summary>The secrets of this target (never log them); empty for most.</summary>
    public virtual IEnumerable<string> Secrets() => [];
}

/// <summary>A Slack channel; the bot token is the workspace's (see <see cref="ConfigSnapshot.SlackWorkspace"/>).</summary>
public sealed record SlackChannelTarget(string TeamId, string ChannelId, string? ChannelName) : ChatTarget
{
    public override string Key => $"slack:{TeamId}:{ChannelId}";
}

/// <summary>A Slack incoming webhook. The URL is a secret: never log it.</summary>
public sealed record SlackWebhookTarget(string ConfigurationArn, string WebhookUrl) : ChatTarget
{
    public override string Key => $"slack-webhook:{ConfigurationArn}";

    public override IEnumerable<string> Secrets() => [WebhookUrl];

    /// <summary>No secret in logs or exceptions.</summary>
    public override string ToString() => $"SlackWebhookTarget {{ Key = {Key} }}";
}

/// <summary>A Microsoft Teams channel, posted to through a Workflows webhook (<paramref name="WebhookUrl"/>, a secret).</summary>
public sealed record TeamsChannelTarget(string TenantId, string TeamId, string ChannelId, string? ChannelName, string? WebhookUrl = null) : ChatTarget
{
    public override string Key => $"teams:{TeamId}:{ChannelId}";

    public override IEnumerable<string> Secrets() => WebhookUrl is null ? [] : [WebhookUrl];

    /// <summary>No secret in logs or exceptions.</summary>
    public override string ToString() => $"TeamsChannelTarget {{ Key = {Key} }}";
}

/// <summary>An Amazon Chime incoming webhook. The URL is a secret: never log it.</summary>
public sealed record ChimeWebhookTarget(string ConfigurationArn, string WebhookUrl) : ChatTarget
{
    public override string Key => $"chime:{ConfigurationArn}";

    public override IEnumerable<string> Secrets() => [WebhookUrl];

    /// <summary>No secret in logs or exceptions.</summary>
    public override string ToString() => $"ChimeWebhookTarget {{ Key = {Key} }}";
}

/// <summary>A generic webhook; requests are signed with <see cref="SigningSecret"/> when set. Both are secrets.</summary>
public sealed record WebhookTarget(string ConfigurationArn, string Url, string? SigningSecret) : ChatTarget
{
    public override string Key => $"webhook:{ConfigurationArn}";

    public override IEnumerable<string> Secrets() => SigningSecret is null ? [Url] : [Url, SigningSecret];

    /// <summary>No secret in logs or exceptions.</summary>
    public override string ToString() => $"WebhookTarget {{ Key = {Key} }}";
}

/// <summary>The built-in console inbox.</summary>
public sealed record ConsoleInboxTarget(string InboxName) : ChatTarget
{
    public override string Key => $"console:{InboxName}";
}
