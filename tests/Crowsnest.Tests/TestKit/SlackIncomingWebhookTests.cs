using System.Text;
using Crowsnest.TestKit.Slack;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.TestKit;

public sealed class SlackIncomingWebhookTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private SlackEmulator _slack = null!;

    public async Task InitializeAsync() => _slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { TimeProvider = _time });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    private async Task<(int Status, string Body, TimeSpan? RetryAfter)> PostAsync(Uri url, string body, string contentType = "application/json")
    {
        using var response = await _http.PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_json_post_answers_ok_and_lands_in_the_channel()
    {
        var hook = _slack.CreateIncomingWebhook("C01ALERTS");
        Assert.Equal((200, "ok", null), await PostAsync(hook, """{"text":"hello"}"""));
        Assert.Equal((200, "ok", null), await PostAsync(hook, "payload=" + Uri.EscapeDataString("""{"text":"form"}"""), "application/x-www-form-urlencoded"));
        Assert.Equal(["hello", "form"], _slack.State.Messages("C01ALERTS").Select(m => m.Text));
        var received = _slack.Received.AcceptedWrites();
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal("slack-webhook", r.Platform));
    }

    [Fact]
    public async Task Errors_are_plain_text_codes_with_real_statuses()
    {
        var hook = _slack.CreateIncomingWebhook("C01ALERTS");
        Assert.Equal((404, "no_service", null), await PostAsync(new Uri(_slack.BaseUrl, "services/T1/B1/nope"), """{"text":"x"}"""));
        Assert.Equal((400, "invalid_payload", null), await PostAsync(hook, "{not json"));
        Assert.Equal((400, "no_text", null), await PostAsync(hook, "{}"));
        Assert.Equal((400, "invalid_blocks", null), await PostAsync(hook, """{"blocks":[{"type":"header","text":{"type":"mrkdwn","text":"x"}}]}"""));
        Assert.Equal((410, "channel_is_archived", null), await PostAsync(_slack.CreateIncomingWebhook("C03ARCHIVED"), """{"text":"x"}"""));
        Assert.Equal((404, "channel_not_found", null), await PostAsync(_slack.CreateIncomingWebhook("C404GONE"), """{"text":"x"}"""));
        Assert.Empty(_slack.State.Messages("C01ALERTS"));
    }

    [Fact]
    public async Task Posting_faster_than_about_one_per_second_gets_429()
    {
        var hook = _slack.CreateIncomingWebhook("C01ALERTS");
        for (var i = 0; i < _slack.Options.Limits.WebhookBurst; i++)
        {
            Assert.Equal(200, (await PostAsync(hook, """{"text":"x"}""")).Status);
        }
        var limited = await PostAsync(hook, """{"text":"x"}""");
        Assert.Equal(429, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.RetryAfter);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(200, (await PostAsync(hook, """{"text":"x"}""")).Status);
    }
}
