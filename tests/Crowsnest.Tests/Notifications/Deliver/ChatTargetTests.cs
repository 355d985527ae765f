using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Tests.Notifications.Deliver;

public class ChatTargetTests
{
    private const string Token = "xoxb-1234-5678-SECRETTOKEN";
    private const string Url = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX";
    private const string SigningSecret = "whsec-SIGNING-SECRET";

    public static TheoryData<ChatTarget> Targets => new()
    {
        new ChatTarget { Kind = ChatTargetKind.SlackApi, WorkspaceId = "T1", ChannelId = "C1", DisplayName = "#alerts", Token = Token },
        new ChatTarget { Kind = ChatTargetKind.SlackWebhook, DisplayName = "#ops", WebhookUrl = Url },
        new ChatTarget { Kind = ChatTargetKind.TeamsWebhook, WebhookUrl = "https://x.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=SIGSECRET" },
        new ChatTarget { Kind = ChatTargetKind.ChimeWebhook, WebhookUrl = "https://hooks.chime.aws/incomingwebhooks/abc?token=CHIMESECRET" },
        new ChatTarget { Kind = ChatTargetKind.Webhook, ChannelId = "pager", WebhookUrl = "https://example.com/hook/PATHSECRET", SigningSecret = SigningSecret },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void ToString_and_keys_never_contain_a_secret(ChatTarget target)
    {
        foreach (var text in new[] { target.ToString(), target.RateLimitKey, target.WorkspaceKey ?? "", $"{new { target }}" })
        {
            Assert.DoesNotContain("SECRET", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        }
        Assert.StartsWith(target.Kind.ToWireName(), target.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Redact_removes_every_secret_and_any_part_of_a_webhook_url(ChatTarget target)
    {
        var uri = target.WebhookUrl is null ? null : new Uri(target.WebhookUrl);
        var text = $"failed: {target.Token} {target.WebhookUrl} {target.SigningSecret} path={uri?.PathAndQuery} q={uri?.Query}";
        var redacted = target.Redact(text);
        Assert.DoesNotContain("SECRET", redacted, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("failed: ", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_webhooks_have_different_rate_limit_keys_and_equal_targets_equal_keys()
    {
        var a = new ChatTarget { Kind = ChatTargetKind.SlackWebhook, WebhookUrl = Url };
        var b = a with { WebhookUrl = Url + "2" };
        Assert.NotEqual(a.RateLimitKey, b.RateLimitKey);
        Assert.Equal(a.RateLimitKey, (a with { DisplayName = "other" }).RateLimitKey);
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
