using System.Net;
using System.Text.Json.Nodes;
using Crowsnest.Host.Tests.Delivery;
using Crowsnest.Storage;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>Refused and repeated Slack Events API deliveries, and the URL check, end to end (the dialogues are in <see cref="ChatCommandScenarios"/>).</summary>
public sealed class SlackDialogueTests(ChatRig rig) : IClassFixture<ChatRig>
{
    [Fact]
    public async Task A_forged_signature_and_a_stale_timestamp_are_refused_with_401_and_run_nothing()
    {
        var body = rig.Sender.AppMention(ChatRig.Channel, ChatRig.Alice, "cloudwatch describe-alarms").ToJsonString();
        var forger = new SlackEventSender(rig.Http, "not-the-signing-secret", TimeProvider.System, rig.Slack.Options.Workspace);
        using var forged = forger.Signed(rig.Events, body, "application/json", null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await rig.Http.SendAsync(forged)).StatusCode);

        using var stale = rig.Sender.Signed(rig.Events, body, "application/json", DateTimeOffset.UtcNow.AddMinutes(-6));
        Assert.Equal(HttpStatusCode.Unauthorized, (await rig.Http.SendAsync(stale)).StatusCode);

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, rig.Interactivity) { Content = new StringContent("payload={}") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await rig.Http.SendAsync(unsigned)).StatusCode);

        // A body changed after signing is refused too.
        using var tampered = rig.Sender.Signed(rig.Events, body, "application/json", null);
        tampered.Content = new StringContent(body.Replace("describe-alarms", "delete-alarms", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await rig.Http.SendAsync(tampered)).StatusCode);
    }

    [Fact]
    public async Task Url_verification_echoes_the_challenge()
    {
        var response = await rig.Sender.SendEventAsync(rig.Events, new JsonObject { ["type"] = "url_verification", ["challenge"] = "c-123", ["token"] = "x" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("c-123", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_slack_retry_and_a_replayed_delivery_of_the_same_event_are_not_run_twice()
    {
        var (ts, first, body) = await rig.MentionAsync(ChatRig.Alice, $"cloudwatch describe-alarms --alarm-name-prefix retry-{rig.Suffix}");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rig.Sender.SendEventAsync(rig.Events, body, retryNum: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rig.Sender.SendEventAsync(rig.Events, body)).StatusCode);
        // A later command in the same thread proves the queue has moved past the duplicates.
        await rig.BotRepliesAsync(ts, 1);
        var (later, _, _) = await rig.MentionAsync(ChatRig.Alice, "help");
        await rig.BotRepliesAsync(later, 1);
        await Eventually.WaitAsync(() => AuditAsync($"retry-{rig.Suffix}"), a => a.Count >= 2, TimeSpan.FromSeconds(10), "the audit");

        Assert.Single(rig.BotReplies(ts), m => SlackText.Of(m).Contains("I ran the read-only command", StringComparison.Ordinal));
        Assert.Single(await AuditAsync($"retry-{rig.Suffix}"), a => a.Outcome == "succeeded");
    }

    private async Task<List<AuditEntry>> AuditAsync(string containing) =>
        [.. (await rig.Host.Store.Audit.QueryAsync(new AuditQuery(Kind: "command", Limit: 1000), CancellationToken.None))
            .Where(a => a.Action.Contains(containing, StringComparison.Ordinal))];
}
