using Crowsnest.Notifications.Deliver;
using Crowsnest.TestKit.Faults;

namespace Crowsnest.Tests.Notifications.Deliver.Contract;

/// <summary>
/// The Slack Web API adapter's contract on top of <see cref="ChatChannelContract"/>: Slack's <c>ok:false</c> codes
/// (from the emulator's real behaviour and scripted), the real 429, the <c>ts</c> as message id, threads and updates.
/// </summary>
public abstract class SlackApiChannelContract : ChatChannelContract
{
    protected sealed override ChatTargetKind Kind => ChatTargetKind.SlackApi;

    [Theory]
    [InlineData("C99NOPE", null, "slack channel_not_found")]
    [InlineData("C02NOBOT", null, "slack not_in_channel")]
    [InlineData("C03ARCHIVED", null, "slack is_archived")]
    [InlineData("C01ALERTS", "xoxb-not-a-real-token", "slack invalid_auth")]
    [InlineData("C01ALERTS", "xoxb-1-revoked-token", "slack token_revoked")]
    public async Task Slack_errors_are_permanent(string channel, string? token, string reason)
    {
        var target = Endpoint.Target with { ChannelId = channel, Token = token ?? Endpoint.Target.Token };
        var result = await Channel.SendAsync(target, Message, DeliveryContext.None, CancellationToken.None);
        Assert.Equal(new DeliveryResult.Permanent(reason), result);
        Assert.DoesNotContain(token ?? Endpoint.Target.Token!, result.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("msg_too_long", "permanent")]
    [InlineData("invalid_blocks", "permanent")]
    [InlineData("not_authed", "permanent")]
    [InlineData("ratelimited", "retryable")]
    [InlineData("internal_error", "retryable")]
    [InlineData("service_unavailable", "retryable")]
    public async Task Scripted_slack_errors_follow_the_table(string error, string expected)
    {
        Endpoint.Host.Faults.Script(new ScriptedResponse(200, $$"""{"ok":false,"error":"{{error}}"}"""));
        var result = await SendAsync();
        Assert.Equal(expected, ResponseClassifierTests.Name(result));
        Assert.Equal($"slack {error}", ResponseClassifierTests.Reason(result));
    }

    [Fact]
    public async Task The_emulators_own_429_is_retryable_with_its_retry_after()
    {
        DeliveryResult last;
        var sent = 0;
        do
        {
            last = await SendAsync(new DeliveryContext { DeliveryId = $"burst-{sent++}" });
        }
        while (last is DeliveryResult.Delivered && sent < 50);
        var limited = Assert.IsType<DeliveryResult.Retryable>(last);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.RetryAfter);
        Assert.Equal(Endpoint.Slack!.Options.Limits.ChannelBurst + 1, sent);
    }

    [Fact]
    public async Task The_message_id_is_the_ts_and_threads_and_updates_use_it()
    {
        var parent = Assert.IsType<DeliveryResult.Delivered>(await SendAsync());
        var ts = parent.PlatformMessageId!;
        Assert.NotNull(Endpoint.Slack!.State.Find("C01ALERTS", ts));

        var reply = Assert.IsType<DeliveryResult.Delivered>(await SendAsync(new DeliveryContext { DeliveryId = "reply", ThreadParentId = ts }));
        Assert.Equal(ts, Endpoint.Slack.State.Find("C01ALERTS", reply.PlatformMessageId!)!.ThreadTs);

        var update = Assert.IsType<DeliveryResult.Delivered>(await SendAsync(new DeliveryContext { DeliveryId = "update", ReplaceMessageId = ts }));
        Assert.Equal(ts, update.PlatformMessageId);
        Assert.Equal(1, Endpoint.Slack.State.Find("C01ALERTS", ts)!.EditCount);

        var gone = await SendAsync(new DeliveryContext { DeliveryId = "update-2", ReplaceMessageId = "1.000001" });
        Assert.Equal(new DeliveryResult.Permanent("slack message_not_found"), gone);
    }
}
