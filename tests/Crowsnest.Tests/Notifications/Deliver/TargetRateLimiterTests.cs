using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications.Deliver;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Notifications.Deliver;

public class TargetRateLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));

    private static ChatTarget Slack(string channel, string team = "T1") => new SlackChannelTarget(team, channel, null);

    [Fact]
    public void A_slack_channel_gets_its_burst_then_one_per_second()
    {
        var limiter = new TargetRateLimiter(_time);
        var target = Slack("C1");
        for (var i = 0; i < DeliveryRateLimits.Default.SlackChannel.Burst; i++)
        {
            Assert.True(limiter.TryAcquire(target).Allowed);
        }
        var refused = limiter.TryAcquire(target);
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.RetryAfter);

        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(TimeSpan.FromMilliseconds(500), limiter.TryAcquire(target).RetryAfter);
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(limiter.TryAcquire(target).Allowed);
        Assert.False(limiter.TryAcquire(target).Allowed);
    }

    [Fact]
    public void Available_counts_whole_tokens_of_the_target_and_its_workspace_and_takes_none()
    {
        var limiter = new TargetRateLimiter(_time, DeliveryRateLimits.Default with { SlackWorkspace = new RateLimit(1, 2) });
        Assert.Equal(2, limiter.Available(Slack("C1")));
        Assert.Equal(2, limiter.Available(Slack("C1")));
        Assert.True(limiter.TryAcquire(Slack("C1")).Allowed);
        Assert.True(limiter.TryAcquire(Slack("C2")).Allowed);

        // The channels have tokens left, the workspace has none.
        Assert.Equal(0, limiter.Available(Slack("C1")));
        Assert.Equal(0, limiter.Available(Slack("C3")));
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, limiter.Available(Slack("C1")));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, limiter.Available(Slack("C1")));

        limiter.Penalize(Slack("C1").Key, TimeSpan.FromSeconds(30));
        Assert.Equal(0, limiter.Available(Slack("C1")));
        Assert.Equal(1, limiter.Available(Slack("C2")));
        Assert.Equal(int.MaxValue, limiter.Available(new ConsoleInboxTarget("ops")));
    }

    [Fact]
    public void Over_a_long_run_the_rate_is_respected()
    {
        var limiter = new TargetRateLimiter(_time);
        var target = Slack("C1");
        var sent = 0;
        for (var step = 0; step <= 600; step++)
        {
            while (limiter.TryAcquire(target).Allowed)
            {
                sent++;
            }
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }
        // Checked from 0 s to 60 s: one token a second plus the initial burst.
        Assert.Equal(60 + DeliveryRateLimits.Default.SlackChannel.Burst, sent);
    }

    [Fact]
    public void Channels_are_independent_but_share_the_workspace_limit()
    {
        var limits = new DeliveryRateLimits { SlackChannel = new RateLimit(1, 1), SlackWorkspace = new RateLimit(2, 3) };
        var limiter = new TargetRateLimiter(_time, limits);
        Assert.True(limiter.TryAcquire(Slack("C1")).Allowed);
        Assert.True(limiter.TryAcquire(Slack("C2")).Allowed);
        Assert.True(limiter.TryAcquire(Slack("C3")).Allowed);
        var refused = limiter.TryAcquire(Slack("C4"));
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(0.5), refused.RetryAfter);
        Assert.True(limiter.TryAcquire(Slack("C4", team: "T2")).Allowed);
    }

    [Fact]
    public void A_refusal_by_the_workspace_takes_no_token_from_the_channel()
    {
        var limits = new DeliveryRateLimits { SlackChannel = new RateLimit(1, 1), SlackWorkspace = new RateLimit(1, 1) };
        var limiter = new TargetRateLimiter(_time, limits);
        Assert.True(limiter.TryAcquire(Slack("C1")).Allowed);
        Assert.False(limiter.TryAcquire(Slack("C2")).Allowed);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(Slack("C2")).Allowed);
    }

    [Fact]
    public void A_platform_429_blocks_the_target_for_its_retry_after()
    {
        var limiter = new TargetRateLimiter(_time);
        var target = Slack("C1");
        limiter.Penalize(target.Key, TimeSpan.FromSeconds(30));
        Assert.Equal(TimeSpan.FromSeconds(30), limiter.TryAcquire(target).RetryAfter);
        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(limiter.TryAcquire(target).Allowed);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(target).Allowed);
    }

    [Fact]
    public void Each_kind_uses_its_documented_limit_and_the_console_has_none()
    {
        var limiter = new TargetRateLimiter(_time);
        var teams = new TeamsChannelTarget("tenant", "team", "channel", null, "https://example.invalid/workflows/1?sig=abc");
        for (var i = 0; i < 4; i++)
        {
            Assert.True(limiter.TryAcquire(teams).Allowed);
        }
        Assert.False(limiter.TryAcquire(teams).Allowed);

        var chime = new ChimeWebhookTarget("arn:chime", "https://example.invalid/incomingwebhooks/1?token=t");
        Assert.True(limiter.TryAcquire(chime).Allowed);
        Assert.False(limiter.TryAcquire(chime).Allowed);

        var console = new ConsoleInboxTarget("inbox");
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(limiter.TryAcquire(console).Allowed);
        }
    }

    [Fact]
    public void Many_idle_targets_do_not_change_behaviour_after_a_sweep()
    {
        var limiter = new TargetRateLimiter(_time, new DeliveryRateLimits { SlackChannel = new RateLimit(1, 1), SlackWorkspace = null });
        for (var i = 0; i < 20_000; i++)
        {
            Assert.True(limiter.TryAcquire(Slack("C" + i)).Allowed);
        }
        _time.Advance(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 20_000; i++)
        {
            Assert.True(limiter.TryAcquire(Slack("C" + i)).Allowed);
        }
        Assert.False(limiter.TryAcquire(Slack("C0")).Allowed);
    }

    [Fact]
    public async Task Concurrent_callers_never_exceed_the_burst()
    {
        var limiter = new TargetRateLimiter(_time, new DeliveryRateLimits { SlackChannel = new RateLimit(1, 10), SlackWorkspace = null });
        var target = Slack("C1");
        var allowed = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                if (limiter.TryAcquire(target).Allowed)
                {
                    Interlocked.Increment(ref allowed);
                }
            }
        })));
        Assert.Equal(10, allowed);
    }
}
