using Crowsnest.Configuration.Snapshot;

namespace Crowsnest.Notifications.Deliver;

/// <summary>The kind of chat target; each kind has one <see cref="IChatChannel"/> adapter.</summary>
public enum ChatTargetKind
{
    /// <summary>Slack Web API with a bot token (<c>slack-api</c>).</summary>
    SlackApi = 0,

    /// <summary>Slack incoming webhook (<c>slack-webhook</c>).</summary>
    SlackWebhook,

    /// <summary>Microsoft Teams Workflows webhook posting Adaptive Cards (<c>teams-webhook</c>).</summary>
    TeamsWebhook,

    /// <summary>Amazon Chime incoming webhook (<c>chime-webhook</c>).</summary>
    ChimeWebhook,

    /// <summary>Generic JSON webhook signed with HMAC-SHA256 (<c>webhook</c>).</summary>
    Webhook,

    /// <summary>The built-in console inbox (<c>console</c>).</summary>
    Console,
}

/// <summary>The wire names of <see cref="ChatTargetKind"/> (<c>slack-api</c>, <c>teams-webhook</c>, ...).</summary>
public static class ChatTargetKinds
{
    private static readonly string[] Names = ["slack-api", "slack-webhook", "teams-webhook", "chime-webhook", "webhook", "console"];

    /// <summary>Every kind in declaration order.</summary>
    public static IReadOnlyList<ChatTargetKind> All { get; } = Enum.GetValues<ChatTargetKind>();

    /// <summary>The kind of a configured target.</summary>
    public static ChatTargetKind KindOf(ChatTarget target) => target switch
    {
        SlackChannelTarget => ChatTargetKind.SlackApi,
        SlackWebhookTarget => ChatTargetKind.SlackWebhook,
        TeamsChannelTarget => ChatTargetKind.TeamsWebhook,
        ChimeWebhookTarget => ChatTargetKind.ChimeWebhook,
        WebhookTarget => ChatTargetKind.Webhook,
        ConsoleInboxTarget => ChatTargetKind.Console,
        _ => throw new ArgumentException($"Unknown target {target.GetType().Name}.", nameof(target)),
    };

    /// <summary>The key of the shared limit of the target's workspace (Slack's per-workspace limit), or null.</summary>
    public static string? WorkspaceKeyOf(ChatTarget target) => target is SlackChannelTarget slack ? $"slack-workspace:{slack.TeamId}" : null;

    /// <summary>The wire name of <paramref name="kind"/>.</summary>
    public static string ToWireName(this ChatTargetKind kind) => Names[(int)kind];

    /// <summary>Parses a wire name (case-insensitive).</summary>
    public static bool TryParse(string? name, out ChatTargetKind kind)
    {
        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                kind = (ChatTargetKind)i;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
