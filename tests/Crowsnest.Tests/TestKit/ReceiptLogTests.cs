using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.Channels.Webhook;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.Tests.TestKit;

public sealed class ReceiptLogTests : IDisposable
{
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private async Task<int> PostAsync(SlackEmulator slack, string text, string? deliveryId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(slack.ApiUrl, "chat.postMessage"))
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("channel", "C01ALERTS"), KeyValuePair.Create("text", text)]),
        };
        request.Headers.Authorization = new("Bearer", slack.BotToken);
        if (deliveryId is not null)
        {
            request.Headers.Add(WebhookSigner.DeliveryIdHeader, deliveryId);
        }
        using var response = await _http.SendAsync(request);
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task Duplicates_are_counted_by_delivery_id_or_by_body()
    {
        await using var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { Limits = new SlackLimits { Enabled = false } });
        await PostAsync(slack, "first", "d-1");
        await PostAsync(slack, "first again", "d-1");
        await PostAsync(slack, "second", "d-2");
        await PostAsync(slack, "no id", null);
        await PostAsync(slack, "no id", null);
        var stats = slack.Received.Stats();
        Assert.Equal(5, stats.AcceptedWrites);
        Assert.Equal(3, stats.DistinctAcceptedWrites);
        Assert.Equal(2, stats.DuplicateWrites);
        Assert.Equal("d-2", slack.State.Messages("C01ALERTS")[2].DeliveryId);
    }

    [Fact]
    public async Task The_log_is_queryable_over_http_and_resettable()
    {
        await using var slack = await SlackEmulator.StartAsync();
        await PostAsync(slack, "hello", "d-1");
        using var auth = await _http.PostAsync(new Uri(slack.ApiUrl, "auth.test"), null);

        var list = JsonNode.Parse(await _http.GetStringAsync(new Uri(slack.BaseUrl, "_emulator/received?operation=chat.postMessage")))!.AsArray();
        var record = Assert.Single(list)!;
        Assert.Equal("slack-api", record["platform"]!.GetValue<string>());
        Assert.Equal("C01ALERTS", record["target"]!.GetValue<string>());
        Assert.True(record["accepted"]!.GetValue<bool>());
        Assert.Equal("d-1", record["headers"]!["X-Crowsnest-Delivery-Id"]!.GetValue<string>());
        Assert.DoesNotContain(slack.BotToken, list.ToJsonString(), StringComparison.Ordinal);

        var stats = JsonNode.Parse(await _http.GetStringAsync(new Uri(slack.BaseUrl, "_emulator/stats")))!;
        Assert.Equal(2, stats["total"]!.GetValue<long>());
        Assert.Equal(1, stats["rejected"]!.GetValue<long>());
        var status = JsonNode.Parse(await _http.GetStringAsync(new Uri(slack.BaseUrl, "_emulator/status")))!;
        Assert.Equal("slack", status["modules"]![0]!.GetValue<string>());

        using var reset = await _http.PostAsync(new Uri(slack.BaseUrl, "_emulator/reset"), null);
        Assert.Equal(0, slack.Received.Stats().Total);
    }

    [Fact]
    public async Task Waiting_for_a_receipt_completes_when_it_arrives()
    {
        await using var slack = await SlackEmulator.StartAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var waiting = slack.Received.WaitForAsync(r => r.Accepted && r.Body.Contains("awaited", StringComparison.Ordinal), timeout.Token);
        Assert.False(waiting.IsCompleted);
        await PostAsync(slack, "awaited", null);
        Assert.Equal("C01ALERTS", (await waiting).Target);
        Assert.Equal("C01ALERTS", (await slack.Received.WaitForAsync(r => r.Accepted, timeout.Token)).Target);
    }

    [Fact]
    public async Task Control_endpoints_create_webhooks_and_seed_messages()
    {
        await using var slack = await SlackEmulator.StartAsync();
        using var created = await _http.PostAsync(new Uri(slack.BaseUrl, "_emulator/slack/webhooks?channel=C01ALERTS"), null);
        var url = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["url"]!.GetValue<string>();
        using var posted = await _http.PostAsync(new Uri(url), new StringContent("""{"text":"via hook"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)posted.StatusCode);
        using var seeded = await _http.PostAsync(new Uri(slack.BaseUrl, "_emulator/slack/seed?channel=C01ALERTS&text=human&user=U02BOB"), null);
        var messages = JsonNode.Parse(await _http.GetStringAsync(new Uri(slack.BaseUrl, "_emulator/slack/channels/C01ALERTS/messages")))!.AsArray();
        Assert.Equal(["via hook", "human"], messages.Select(m => m!["text"]!.GetValue<string>()));
    }
}
