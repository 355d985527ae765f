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
