using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Tests.Notifications.Deliver;

public class RetryScheduleTests
{
    private static readonly DateTimeOffset Queued = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);
    private static readonly RetryPolicy Policy = RetryPolicy.Default;

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(6, 64)]
    [InlineData(9, 512)]
    [InlineData(10, 900)]
    [InlineData(500, 900)]
    public void Backoff_lies_between_half_and_all_of_the_nominal_wait(int failures, double nominalSeconds)
    {
        var nominal = TimeSpan.FromSeconds(nominalSeconds);
        Assert.Equal(nominal / 2, RetrySchedule.Backoff(failures, Policy, 0));
        Assert.Equal(nominal, RetrySchedule.Backoff(failures, Policy, 1));
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var wait = RetrySchedule.Backoff(failures, Policy, random.NextDouble());
            Assert.InRange(wait, nominal / 2, nominal);
        }
    }

    [Fact]
    public void Backoff_never_decreases_nominally_and_never_exceeds_the_max()
    {
        var previous = TimeSpan.Zero;
        for (var n = 1; n < 100; n++)
        {
            var top = RetrySchedule.Backoff(n, Policy, 1);
            Assert.True(top >= previous);
            Assert.True(top <= Policy.MaxDelay);
            previous = top;
        }
    }

    [Fact]
    public void Delivered_is_done_and_permanent_is_dead_at_once()
    {
        Assert.Equal(new RetryDecision.Done("ts1"), RetrySchedule.Decide(new DeliveryResult.Delivered("ts1"), 0, Queued, Queued, Policy, 0.5));
        Assert.Equal(new RetryDecision.DeadLetter("slack channel_not_found"),
            RetrySchedule.Decide(new DeliveryResult.Permanent("slack channel_not_found"), 1, Queued, Queued, Policy, 0.5));
    }

    [Fact]
    public void Retry_after_from_the_platform_wins_over_backoff()
    {
        var now = Queued.AddMinutes(5);
        var decision = Assert.IsType<RetryDecision.RetryAt>(
            RetrySchedule.Decide(new DeliveryResult.Retryable("http 429", TimeSpan.FromSeconds(42)), 9, Queued, now, Policy, 0.5));
        Assert.Equal(now.AddSeconds(42), decision.At);
        Assert.Equal("http 429", decision.LastError);
    }

    [Fact]
    public void A_very_long_retry_after_is_capped()
    {
        var decision = Assert.IsType<RetryDecision.RetryAt>(
            RetrySchedule.Decide(new DeliveryResult.Retryable("http 503", TimeSpan.FromDays(1)), 1, Queued, Queued, Policy, 0.5));
        Assert.Equal(Policy.MaxRetryAfter, decision.Delay);
    }

    [Fact]
    public void Retries_stop_at_the_max_age_with_a_dead_letter()
    {
        var failure = new DeliveryResult.Retryable("http 500");
        var now = Queued;
        var attempts = 0;
        RetryDecision decision;
        do
        {
            attempts++;
            decision = RetrySchedule.Decide(failure, attempts, Queued, now, Policy, 1);
            if (decision is RetryDecision.RetryAt at)
            {
                Assert.True(at.At - Queued <= Policy.MaxAge);
                now = at.At;
            }
        }
        while (decision is RetryDecision.RetryAt && attempts < 10_000);
        var dead = Assert.IsType<RetryDecision.DeadLetter>(decision);
        Assert.Contains("http 500", dead.LastError, StringComparison.Ordinal);
        Assert.InRange(now - Queued, Policy.MaxAge - Policy.MaxDelay, Policy.MaxAge);
    }
}
