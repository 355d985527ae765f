using Crowsnest.Notifications.Deliver;
using Crowsnest.Storage;
using Crowsnest.TestKit.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using static Crowsnest.Testing.TestConfigurations;

namespace Crowsnest.Host.Tests.Delivery;

/// <summary>The <c>Delivery:RateLimits</c> settings reach the workers, and bad values stop the start with their key.</summary>
public sealed class RateLimitSettingsTests
{
    [Fact]
    public async Task A_configured_webhook_limit_spaces_the_posts_to_one_webhook()
    {
        const int Notifications = 6;
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await TestHost.StartAsync(new()
        {
            ["Delivery:PollInterval"] = "00:00:00.050",
            ["Delivery:Digests"] = "false",
            ["Delivery:RateLimits:Webhook:PerSecond"] = "4",
            ["Delivery:RateLimits:Webhook:Burst"] = "1",
        });
        Assert.Equal(ResourceWriteResult.Ok, await host.Store.Resources.CreateAsync(
            Webhook("hook", receiver.CreateEndpoint("0123456789abcdef-signing").ToString(), "0123456789abcdef-signing"), CancellationToken.None));
        await Eventually.WaitAsync(() => Task.FromResult(host.App.Services.GetRequiredService<Crowsnest.Configuration.Snapshot.ConfigSnapshotSource>().Current.Configurations.Count),
            n => n == 1, TimeSpan.FromSeconds(20), "the configuration snapshot");

        for (var i = 0; i < Notifications; i++)
        {
            await host.Store.Inbox.AcceptAsync(Sns(Custom($"event {i}", threadId: $"t{i}")), CancellationToken.None);
        }
        await Eventually.WaitAsync(() => Eventually.CountAsync(host.Store, DeliveryState.Delivered), n => n == Notifications, TimeSpan.FromSeconds(60), "every delivery");

        var at = receiver.Received.AcceptedWrites().Select(w => w.At).Order().ToList();
        Assert.Equal(Notifications, at.Count);
        // Four a second with no saved-up burst: gaps of 250 ms (the default, 20 a second, would take 50 ms). The first post
        // also opens the connection, so its arrival is late and the span is counted from the second.
        var span = at[^1] - at[1];
        Assert.True(span >= TimeSpan.FromMilliseconds(900), $"{Notifications} posts within {span.TotalMilliseconds:F0} ms: {string.Join(", ", at.Zip(at.Skip(1), (a, b) => (b - a).TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.Equal(0, receiver.Received.Stats().ByStatus.GetValueOrDefault("429"));
    }

    [Fact]
    public async Task The_slack_workspace_limit_can_be_set_or_turned_off()
    {
        await using var limited = await TestHost.StartAsync(new()
        {
            ["Delivery:RateLimits:SlackWorkspace:PerSecond"] = "7.5",
            ["Delivery:RateLimits:SlackWorkspace:Burst"] = "9",
        });
        Assert.Equal(new RateLimit(7.5, 9), limited.App.Services.GetRequiredService<DeliveryRateLimits>().SlackWorkspace);
        Assert.Equal(DeliveryRateLimits.Default.SlackChannel, limited.App.Services.GetRequiredService<DeliveryRateLimits>().SlackChannel);

        await using var unlimited = await TestHost.StartAsync(new() { ["Delivery:RateLimits:SlackWorkspace:PerSecond"] = "0" });
        Assert.Null(unlimited.App.Services.GetRequiredService<DeliveryRateLimits>().SlackWorkspace);
    }

    [Fact]
    public async Task Bad_rate_limits_are_reported_with_their_keys()
    {
        var errors = await TestHost.StartupErrorsAsync(new()
        {
            ["Delivery:RateLimits:SlackChannel:PerSecond"] = "0",
            ["Delivery:RateLimits:TeamsWebhook:PerSecond"] = "-2",
            ["Delivery:RateLimits:Webhook:Burst"] = "-1",
        });

        Assert.Contains(errors, e => e.StartsWith("Delivery:RateLimits:SlackChannel:PerSecond: the platform limits", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Delivery:RateLimits:TeamsWebhook:PerSecond: -2 must be between", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Delivery:RateLimits:Webhook:Burst: -1 must be between", StringComparison.Ordinal));
    }
}
