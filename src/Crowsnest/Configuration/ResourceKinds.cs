namespace Crowsnest.Configuration;

/// <summary>The <c>Kind</c> of each configuration resource in the resource store.</summary>
public static class ResourceKinds
{
    /// <summary>A channel configuration; id = its ChatConfigurationArn, name = its ConfigurationName.</summary>
    public const string Configuration = "configuration";

    /// <summary>A Slack workspace (bot token and signing secret as secrets); id = name = the team id.</summary>
    public const string SlackWorkspace = "slack-workspace";

    /// <summary>A Microsoft Teams team; id = name = the team id.</summary>
    public const string TeamsTeam = "teams-team";

    /// <summary>The account preferences (one record, id <c>account</c>).</summary>
    public const string AccountPreferences = "account-preferences";

    /// <summary>A custom action; id = its CustomActionArn, name = its ActionName.</summary>
    public const string CustomAction = "custom-action";

    /// <summary>A chat user's identity mapping (Slack or Teams user → IAM role).</summary>
    public const string UserIdentity = "user-identity";

    /// <summary>Every kind a configuration snapshot is built from.</summary>
    public static IReadOnlyList<string> SnapshotKinds { get; } = [Configuration, SlackWorkspace, TeamsTeam, AccountPreferences, CustomAction];
}

/// <summary>The chat target kind of a channel configuration (<c>TargetType</c> in its document).</summary>
public static class TargetTypes
{
    public const string SlackChannel = "slack-channel";
    public const string TeamsChannel = "teams-channel";
    public const string ChimeWebhook = "chime-webhook";
    public const string Webhook = "webhook";
    public const string Console = "console";

    /// <summary>Crowsnest: a Slack incoming webhook (URL in the secrets).</summary>
    public const string SlackWebhook = "slack-webhook";

    /// <summary>All of them.</summary>
    public static IReadOnlyList<string> All { get; } = [SlackChannel, TeamsChannel, ChimeWebhook, Webhook, Console, SlackWebhook];
}
