using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.TestKit.Slack;
using Crowsnest.TestKit.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.TestKit;

public sealed class SlackEventSenderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_signature_matches_slacks_documented_example()
    {
        // Slack's "verifying requests" example: secret, timestamp and slash-command body, and the expected signature.
        const string body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503",
            SlackEventSender.Sign("8f742231b10e8888abcd99yyyzzz85a5", 1531420618, body));
    }

    [Fact]
    public async Task Events_are_signed_and_retries_are_marked()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new WebhookReceiverOptions { TimeProvider = _time });
        var endpoint = receiver.CreateEndpoint();
        using var http = new HttpClient();
        var sender = new SlackEventSender(http, "signing-secret", _time);
        var mention = sender.AppMention("C01ALERTS", "U01ALICE", "cloudwatch describe-alarms");

        using var first = await sender.SendEventAsync(endpoint, mention);
        using var retry = await sender.SendEventAsync(endpoint, mention, retryNum: 1);
        var received = receiver.Received.All();
        Assert.Equal(2, received.Count);
        var body = received[0].Body;
        Assert.Equal("<@U0BOT0001> cloudwatch describe-alarms", JsonNode.Parse(body)!["event"]!["text"]!.GetValue<string>());
        Assert.Equal(received[0].MessageKey, received[1].MessageKey);
        Assert.False(received[0].Headers.ContainsKey("X-Slack-Retry-Num"));
        Assert.Equal("1", received[1].Headers["X-Slack-Retry-Num"]);
        Assert.Equal("http_timeout", received[1].Headers["X-Slack-Retry-Reason"]);
        Assert.StartsWith("v0=", received[0].Headers["X-Slack-Signature"], StringComparison.Ordinal);

        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds();
        using var check = sender.Signed(endpoint, body, "application/json", null);
        Assert.Equal(SlackEventSender.Sign("signing-secret", timestamp, body), check.Headers.GetValues("X-Slack-Signature").Single());
        Assert.Equal(body, Encoding.UTF8.GetString(await check.Content!.ReadAsByteArrayAsync()));
    }
}
