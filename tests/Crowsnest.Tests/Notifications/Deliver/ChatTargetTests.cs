using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Tests.Notifications.Deliver;

public class ChatTargetTests
{
    private const string Url = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX";
    private const string SigningSecret = "whsec-SIGNING-SECRET";

    private static readonly ChatTarget[] AllTargets =
    [
        new SlackChannelTarget("T1", "C1", "alerts"),
        new SlackWebhookTarget("arn:aws:chatbot::1:chat-configuration/slack-webhook/ops", Url),
        new TeamsChannelTarget("tenant", "team", "19:abc", "ops", "https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=SIGSECRET"),
        new ChimeWebhookTarget("arn:aws:chatbot::1:chat-configuration/chime-webhook/ops", "https://hooks.chime.aws/incomingwebhooks/abc?token=CHIMESECRET"),
        new WebhookTarget("arn:aws:chatbot::1:chat-configuration/webhook/pager", "https://example.com/hook/PATHSECRET", SigningSecret),
        new ConsoleInboxTarget("inbox"),
    ];

    public static TheoryData<ChatTarget> Targets => new(AllTargets);

    [Theory]
    [MemberData(nameof(Targets))]
    public void ToString_and_keys_never_contain_a_secret(ChatTarget target)
    {
        foreach (var text in new[] { target.ToString(), target.Key, ChatTargetKinds.WorkspaceKeyOf(target) ?? "", $"{new { target }}" })
        {
            Assert.DoesNotContain("SECRET", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Redact_removes_every_secret_and_any_part_of_a_webhook_url(ChatTarget target)
    {
        var parts = target.Secrets().SelectMany(s => Uri.TryCreate(s, UriKind.Absolute, out var u) ? new[] { s, u.PathAndQuery, u.Query } : [s]);
        var text = $"failed: {string.Join(" ", parts)} token=xoxb-1-SECRET";
        var redacted = target.Redact(text, "xoxb-1-SECRET");
        Assert.DoesNotContain("SECRET", redacted, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("failed: ", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_configured_target_maps_to_its_adapter_kind_and_only_slack_has_a_workspace_limit()
    {
        Assert.Equal(
            [ChatTargetKind.SlackApi, ChatTargetKind.SlackWebhook, ChatTargetKind.TeamsWebhook, ChatTargetKind.ChimeWebhook, ChatTargetKind.Webhook, ChatTargetKind.Console],
            AllTargets.Select(ChatTargetKinds.KindOf));
        Assert.Equal("slack-workspace:T1", ChatTargetKinds.WorkspaceKeyOf(new SlackChannelTarget("T1", "C9", null)));
        Assert.Null(ChatTargetKinds.WorkspaceKeyOf(new ConsoleInboxTarget("x")));
    }

    [Fact]
    public void Wire_names_round_trip()
    {
        foreach (var kind in ChatTargetKinds.All)
        {
            Assert.True(ChatTargetKinds.TryParse(kind.ToWireName(), out var parsed));
            Assert.Equal(kind, parsed);
        }
        Assert.Equal(["slack-api", "slack-webhook", "teams-webhook", "chime-webhook", "webhook", "console"], ChatTargetKinds.All.Select(k => k.ToWireName()));
        Assert.False(ChatTargetKinds.TryParse("discord", out _));
    }
}
