using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Slack;

/// <summary>The Slack emulator's workspace, channels, users and limits.</summary>
public sealed record SlackEmulatorOptions : EmulatorOptions
{
    /// <summary>The one workspace the emulator serves.</summary>
    public SlackWorkspace Workspace { get; init; } = new();

    /// <summary>The channels that exist at start.</summary>
    public IReadOnlyList<SlackChannelSpec> Channels { get; init; } = SlackChannelSpec.Defaults;

    /// <summary>Users that exist (for <c>chat.postEphemeral</c>).</summary>
    public IReadOnlyList<string> Users { get; init; } = ["U01ALICE", "U02BOB"];

    /// <summary>When true, any well-formed channel id (<c>C…</c>, <c>G…</c>) exists with the bot as a member (benchmarks with many channels).</summary>
    public bool AnyChannel { get; init; }

    /// <summary>Rate limits.</summary>
    public SlackLimits Limits { get; init; } = new();

    /// <summary>
    /// chat.postMessage text over 40,000 characters: false (default, Slack's current behaviour) truncates and warns
    /// <c>message_truncated</c>; true answers <c>msg_too_long</c> (the older documented behaviour).
    /// </summary>
    public bool RejectLongText { get; init; }

    /// <summary>When true, chat.update answers <c>edit_window_closed</c>.</summary>
    public bool EditWindowClosed { get; init; }

    /// <summary>Cumulative text of all blocks above which Slack answers <c>msg_blocks_too_long</c> (observed, undocumented).</summary>
    public int MaxCumulativeBlockText { get; init; } = 12_000;
}

/// <summary>The workspace and its bot.</summary>
public sealed record SlackWorkspace
{
    public string TeamId { get; init; } = "T01CROWS";
    public string TeamName { get; init; } = "Crowsnest Test";
    public string Domain { get; init; } = "crowsnest-test";
    public string BotUserId { get; init; } = "U0BOT0001";
    public string BotId { get; init; } = "B0BOT0001";
    public string AppId { get; init; } = "A0APP0001";

    /// <summary>The bot token (<c>xoxb-…</c>) the emulator accepts.</summary>
    public string BotToken { get; init; } = "xoxb-1-emulator-bot-token";

    /// <summary>The app-level token (<c>xapp-…</c>) that <c>apps.connections.open</c> accepts.</summary>
    public string AppToken { get; init; } = "xapp-1-A0APP0001-emulator-app-token";

    /// <summary>Tokens answered <c>token_revoked</c>.</summary>
    public IReadOnlyList<string> RevokedTokens { get; init; } = ["xoxb-1-revoked-token"];
}

/// <summary>A channel that exists at start.</summary>
public sealed record SlackChannelSpec(string Id, string Name, bool IsMember = true, bool IsArchived = false, bool IsPrivate = false)
{
    /// <summary><c>C01ALERTS</c> #alerts (member), <c>C02NOBOT</c> #no-bot (bot not a member), <c>C03ARCHIVED</c> #archived.</summary>
    public static IReadOnlyList<SlackChannelSpec> Defaults { get; } =
    [
        new("C01ALERTS", "alerts"),
        new("C02NOBOT", "no-bot", IsMember: false),
        new("C03ARCHIVED", "archived", IsArchived: true),
    ];
}

/// <summary>
/// Rate limits: per-method tiers per workspace (Tier 3 = 50/min, Tier 4 = 100/min, times <see cref="TierMultiplier"/>),
/// chat.postMessage about 1/s per channel with bursts, and a workspace-wide posting limit.
/// </summary>
public sealed record SlackLimits
{
    public bool Enabled { get; init; } = true;
    public double ChannelPerSecond { get; init; } = 1;
    public int ChannelBurst { get; init; } = 5;
    public double WorkspacePostsPerSecond { get; init; } = 100;
    public int WorkspacePostsBurst { get; init; } = 200;
    public double TierMultiplier { get; init; } = 1;

    /// <summary>Incoming webhooks: about 1/s per webhook with bursts.</summary>
    public double WebhookPerSecond { get; init; } = 1;
    public int WebhookBurst { get; init; } = 5;
}
