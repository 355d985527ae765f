using System.Net.Http.Json;
using System.Text;
using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Slack;
using Crowsnest.TestKit.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.TestKit;

public sealed class FaultInjectionTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    [Fact]
    public void Seeded_dice_meet_the_configured_rates()
    {
        var injector = new FaultInjector(new FaultSettings { ErrorRate = 0.3, RateLimitRate = 0.1, SlowRate = 0.2 }, seed: 42, _time);
        var decisions = Enumerable.Range(0, 10_000).Select(_ => injector.Decide()).ToList();
        Assert.InRange(decisions.Count(d => d.Kind == FaultKind.Error), 2_850, 3_150);
        Assert.InRange(decisions.Count(d => d.Kind == FaultKind.RateLimit), 900, 1_100);
        // Slow applies only to requests that were not failed: 20% of the remaining 60%.
        Assert.InRange(decisions.Count(d => d.Kind == FaultKind.Slow), 1_080, 1_320);
        Assert.All(decisions.Where(d => d.Kind == FaultKind.Error), d => Assert.Contains(d.Status, new[] { 500, 502, 503 }));
        Assert.Equal(decisions.Count(d => d.Kind == FaultKind.Error), injector.Counts[FaultKind.Error]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_faults()
    {
        var settings = new FaultSettings { ErrorRate = 0.5 };
        var a = new FaultInjector(settings, 7, _time);
        var b = new FaultInjector(settings, 7, _time);
        Assert.Equal(Enumerable.Range(0, 200).Select(_ => a.Decide()), Enumerable.Range(0, 200).Select(_ => b.Decide()));
    }

    [Fact]
    public void Outage_windows_answer_503_only_inside()
    {
        var injector = new FaultInjector(FaultSettings.None, 1, _time);
        injector.AddOutage(TimeSpan.FromSeconds(10), startIn: TimeSpan.FromSeconds(5));
        Assert.Equal(FaultKind.None, injector.Decide().Kind);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(new FaultDecision(FaultKind.Outage, 503, RetryAfterSeconds: 1), injector.Decide());
        _time.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Equal(FaultKind.Outage, injector.Decide().Kind);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(FaultKind.None, injector.Decide().Kind);
    }

    [Fact]
    public void Invalid_settings_are_refused()
    {
        var injector = new FaultInjector(FaultSettings.None, 1, _time);
        Assert.Throws<ArgumentException>(() => injector.Set(new FaultSettings { ErrorRate = 0.8, RateLimitRate = 0.3 }));
        Assert.Throws<ArgumentException>(() => injector.Set(new FaultSettings { ErrorRate = -0.1 }));
        Assert.Throws<ArgumentException>(() => injector.Set(new FaultSettings { ErrorStatuses = [700] }));
    }

    [Fact]
    public async Task Failures_set_over_http_hit_a_fraction_of_requests_and_are_recorded()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new WebhookReceiverOptions { TimeProvider = _time });
        var url = receiver.CreateEndpoint();
        using var put = await _http.PutAsJsonAsync(new Uri(receiver.BaseUrl, "_emulator/faults?seed=3"), new { errorRate = 0.3, rateLimitRate = 0.1, retryAfterSeconds = 4 });
        Assert.True(204 == (int)put.StatusCode, await put.Content.ReadAsStringAsync());

        var statuses = new List<int>();
        for (var i = 0; i < 300; i++)
        {
            using var response = await _http.PostAsync(url, new StringContent($$"""{"n":{{i}}}""", Encoding.UTF8, "application/json"));
            statuses.Add((int)response.StatusCode);
            if ((int)response.StatusCode == 429)
            {
                Assert.Equal(TimeSpan.FromSeconds(4), response.Headers.RetryAfter?.Delta);
            }
        }
        Assert.InRange(statuses.Count(s => s >= 500), 60, 120);
        Assert.InRange(statuses.Count(s => s == 429), 15, 50);
        var stats = receiver.Received.Stats();
        Assert.Equal(300, stats.Total);
        Assert.Equal(statuses.Count(s => s == 200), stats.AcceptedWrites);
        Assert.Equal(statuses.Count(s => s != 200), stats.Faults);
        Assert.Equal(0, stats.DuplicateWrites);
    }

    [Fact]
    public async Task An_outage_started_over_http_answers_503_until_it_ends()
    {
        await using var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { TimeProvider = _time });
        using var calls = new SlackCalls(slack);
        using var outage = await _http.PostAsync(new Uri(slack.BaseUrl, "_emulator/faults/outage?seconds=10"), null);
        Assert.Equal(200, (int)outage.StatusCode);
        using var during = await _http.PostAsync(new Uri(slack.ApiUrl, "auth.test"), null);
        Assert.Equal(503, (int)during.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), during.Headers.RetryAfter?.Delta);
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True((await calls.FormAsync("auth.test")).Ok);
        Assert.Equal("Outage", slack.Received.All()[0].Fault);
    }

    [Fact]
    public async Task Scripted_answers_come_first_and_in_order()
    {
        await using var slack = await SlackEmulator.StartAsync();
        using var calls = new SlackCalls(slack);
        slack.Faults.Script(
            new ScriptedResponse(200, """{"ok":false,"error":"channel_not_found"}"""),
            new ScriptedResponse(429, """{"ok":false,"error":"ratelimited"}""", RetryAfter: "9"));
        Assert.Equal("channel_not_found", (await calls.PostAsync("1")).Error);
        var limited = await calls.PostAsync("2");
        Assert.Equal((429, TimeSpan.FromSeconds(9)), (limited.Status, limited.RetryAfter));
        Assert.True((await calls.PostAsync("3")).Ok);
        Assert.Equal(["3"], slack.State.Messages("C01ALERTS").Select(m => m.Text));
    }

    [Fact]
    public async Task A_slow_answer_still_takes_effect()
    {
        await using var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { Faults = new FaultSettings { SlowRate = 1, SlowMilliseconds = 20 } });
        using var calls = new SlackCalls(slack);
        Assert.True((await calls.PostAsync("late")).Ok);
        var record = Assert.Single(slack.Received.AcceptedWrites());
        Assert.Equal("Slow", record.Fault);
        Assert.Equal("C01ALERTS", record.Target);
    }

    [Fact]
    public async Task A_request_whose_client_timed_out_still_takes_effect()
    {
        await using var slack = await SlackEmulator.StartAsync();
        using var calls = new SlackCalls(slack);
        Assert.True((await calls.FormAsync("auth.test")).Ok);
        slack.Faults.Set(new FaultSettings { SlowRate = 1, SlowMilliseconds = 3000 });
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(slack.ApiUrl, "chat.postMessage"))
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("channel", "C01ALERTS"), KeyValuePair.Create("text", "outcome unknown")]),
        };
        request.Headers.Authorization = new("Bearer", slack.BotToken);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.SendAsync(request));

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var record = await slack.Received.WaitForAsync(r => r.Operation == "chat.postMessage", wait.Token);
        Assert.True(record.Accepted);
        Assert.Equal("outcome unknown", Assert.Single(slack.State.Messages("C01ALERTS")).Text);
    }
}
