using System.Text;
using Crowsnest.Channels.Webhook;
using Crowsnest.TestKit.Chime;
using Crowsnest.TestKit.Teams;
using Crowsnest.TestKit.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.TestKit;

public sealed class WebhookEmulatorTests : IDisposable
{
    private const string Card = """
        {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","contentUrl":null,
          "content":{"$schema":"http://adaptivecards.io/schemas/adaptive-card.json","type":"AdaptiveCard","version":"1.4",
                     "body":[{"type":"TextBlock","text":"CPU high","wrap":true}],
                     "actions":[{"type":"Action.OpenUrl","title":"Open","url":"https://console.aws.amazon.com/"}]}}]}
        """;

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private async Task<(int Status, string Body, TimeSpan? RetryAfter)> PostAsync(Uri url, string body, string contentType = "application/json")
    {
        using var response = await _http.PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Teams_accepts_an_adaptive_card_envelope_with_202()
    {
        await using var teams = await TeamsEmulator.StartAsync(new TeamsEmulatorOptions { TimeProvider = _time });
        var hook = teams.CreateWebhook();
        Assert.Equal(202, (await PostAsync(hook, Card)).Status);
        var received = Assert.Single(teams.Received.AcceptedWrites());
        Assert.Contains("CPU high", received.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("sig=", received.Target ?? "", StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string> TeamsRejections => new()
    {
        { """{"@type":"MessageCard","@context":"http://schema.org/extensions","text":"x"}""", 400, "MessageCardNotSupported" },
        { """{"type":"text","attachments":[]}""", 400, "InvalidMessage" },
        { """{"type":"message","attachments":[]}""", 400, "InvalidMessage" },
        { Card.Replace("application/vnd.microsoft.card.adaptive", "application/vnd.microsoft.card.hero", StringComparison.Ordinal), 400, "InvalidAttachment" },
        { Card.Replace("\"AdaptiveCard\"", "\"HeroCard\"", StringComparison.Ordinal), 400, "InvalidCard" },
        { Card.Replace("\"1.4\"", "\"1.6\"", StringComparison.Ordinal), 400, "UnsupportedCardVersion" },
        { Card.Replace("Action.OpenUrl", "Action.Submit", StringComparison.Ordinal), 400, "UnsupportedAction" },
        { "{not json", 400, "InvalidRequestContent" },
        { Card.Replace("CPU high", new string('x', 29_000), StringComparison.Ordinal), 413, "MessageSizeExceeded" },
    };

    [Theory]
    [MemberData(nameof(TeamsRejections))]
    public async Task Teams_rejects_what_workflows_cannot_post(string body, int status, string code)
    {
        await using var teams = await TeamsEmulator.StartAsync(new TeamsEmulatorOptions { TimeProvider = _time });
        var answer = await PostAsync(teams.CreateWebhook(), body);
        Assert.Equal(status, answer.Status);
        Assert.Contains(code, answer.Body, StringComparison.Ordinal);
        Assert.Empty(teams.Received.AcceptedWrites());
    }

    [Fact]
    public async Task Teams_checks_the_url_content_type_and_rate()
    {
        await using var teams = await TeamsEmulator.StartAsync(new TeamsEmulatorOptions { TimeProvider = _time });
        var hook = teams.CreateWebhook();
        Assert.Equal(404, (await PostAsync(new Uri(teams.BaseUrl, "workflows/nope/triggers/manual/paths/invoke?sig=x"), Card)).Status);
        Assert.Equal(401, (await PostAsync(new Uri(hook.ToString().Replace("sig=", "sig=0", StringComparison.Ordinal)), Card)).Status);
        Assert.Equal(415, (await PostAsync(hook, Card, "text/plain")).Status);
        _time.Advance(TimeSpan.FromSeconds(2));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(202, (await PostAsync(hook, Card)).Status);
        }
        var limited = await PostAsync(hook, Card);
        Assert.Equal(429, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.RetryAfter);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(202, (await PostAsync(hook, Card)).Status);
    }

    [Fact]
    public async Task Chime_accepts_content_and_answers_a_message_id()
    {
        await using var chime = await ChimeEmulator.StartAsync(new ChimeEmulatorOptions { TimeProvider = _time });
        var answer = await PostAsync(chime.CreateWebhook(), """{"Content":"/md **CPU** high"}""");
        Assert.Equal(200, answer.Status);
        Assert.Contains("MessageId", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chime_enforces_its_documented_errors()
    {
        await using var chime = await ChimeEmulator.StartAsync(new ChimeEmulatorOptions { TimeProvider = _time, RateLimitsEnabled = false });
        var hook = chime.CreateWebhook();
        var bigRoom = chime.CreateWebhook(roomMembers: 51);
        Assert.Equal(404, (await PostAsync(new Uri(chime.BaseUrl, "incomingwebhooks/deleted?token=x"), """{"Content":"x"}""")).Status);
        Assert.Equal(403, (await PostAsync(new Uri(hook.ToString().Replace("token=", "token=0", StringComparison.Ordinal)), """{"Content":"x"}""")).Status);
        Assert.Equal(400, (await PostAsync(hook, """{"Content":"x","Extra":1}""")).Status);
        Assert.Equal(400, (await PostAsync(hook, """{"text":"x"}""")).Status);
        Assert.Equal(400, (await PostAsync(hook, "not json")).Status);
        Assert.Equal(413, (await PostAsync(hook, $$"""{"Content":"{{new string('x', 4097)}}"}""")).Status);
        Assert.Equal(200, (await PostAsync(hook, $$"""{"Content":"{{new string('x', 4096)}}"}""")).Status);
        Assert.Equal(400, (await PostAsync(bigRoom, """{"Content":"@All look"}""")).Status);
        Assert.Equal(200, (await PostAsync(hook, """{"Content":"@All look"}""")).Status);
        Assert.Equal(2, chime.Received.AcceptedWrites().Count);
    }

    [Fact]
    public async Task Chime_allows_about_one_post_per_second_and_can_be_switched_off()
    {
        await using var chime = await ChimeEmulator.StartAsync(new ChimeEmulatorOptions { TimeProvider = _time });
        var hook = chime.CreateWebhook();
        Assert.Equal(200, (await PostAsync(hook, """{"Content":"1"}""")).Status);
        Assert.Equal(200, (await PostAsync(hook, """{"Content":"2"}""")).Status);
        var limited = await PostAsync(hook, """{"Content":"3"}""");
        Assert.Equal(429, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.RetryAfter);

        await using var ended = await ChimeEmulator.StartAsync(new ChimeEmulatorOptions { ServiceEnded = true });
        Assert.Equal(404, (await PostAsync(ended.CreateWebhook(), """{"Content":"x"}""")).Status);
    }

    [Fact]
    public async Task Webhook_receiver_verifies_signatures()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new WebhookReceiverOptions { TimeProvider = _time });
        var url = receiver.CreateEndpoint(secret: "hook-secret");
        var body = """{"title":"CPU high"}""";
        var (timestamp, signature) = WebhookSigner.Sign("hook-secret", Encoding.UTF8.GetBytes(body), _time.GetUtcNow());

        async Task<int> SendAsync(string payload, string? ts, string? sig)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            if (ts is not null)
            {
                request.Headers.Add(WebhookSigner.TimestampHeader, ts);
            }
            if (sig is not null)
            {
                request.Headers.Add(WebhookSigner.SignatureHeader, sig);
            }
            using var response = await _http.SendAsync(request);
            return (int)response.StatusCode;
        }

        Assert.Equal(200, await SendAsync(body, timestamp, signature));
        Assert.Equal(401, await SendAsync(body, null, null));
        Assert.Equal(401, await SendAsync(body.Replace("high", "low", StringComparison.Ordinal), timestamp, signature));
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(401, await SendAsync(body, timestamp, signature));
        var rejected = receiver.Received.All(r => !r.Accepted);
        Assert.Equal(["signature_missing", "signature_mismatch", "signature_expired"], rejected.Select(r => r.Error));
        Assert.Equal(404, (await PostAsync(new Uri(receiver.BaseUrl, "hooks/unknown"), body)).Status);
        Assert.Equal(200, (await PostAsync(receiver.CreateEndpoint(), body)).Status);
    }
}
