using Crowsnest.Configuration.Snapshot;

namespace Crowsnest.Notifications.Deliver;

/// <summary>
/// Token buckets per target key and per workspace key, driven by a <see cref="TimeProvider"/>. A send takes one
/// token from its target's bucket and one from its workspace's; if either is empty nothing is taken and the wait
/// until both have a token is returned. Thread-safe; never sleeps.
/// </summary>
public sealed class TargetRateLimiter
{
    private const int SweepEvery = 4096;
    private const int SweepAbove = 10_000;

    // Refills add up fractions of a second in doubles; a token that is whole but for rounding counts as whole.
    private const double Epsilon = 1e-9;
    private readonly TimeProvider _time;
    private readonly DeliveryRateLimits _limits;
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _sinceSweep;

    /// <summary>Creates a limiter with the given per-kind limits.</summary>
    public TargetRateLimiter(TimeProvider time, DeliveryRateLimits? limits = null)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _limits = limits ?? DeliveryRateLimits.Default;
    }

    /// <summary>Takes a token for <paramref name="target"/> under the limits of its kind and workspace.</summary>
    public RateLimitDecision TryAcquire(ChatTarget target)
    {
        var (targetLimit, workspaceKey, workspaceLimit) = LimitsOf(target);
        return TryAcquire(target.Key, targetLimit, workspaceKey, workspaceLimit);
    }

    /// <summary>Takes a token from the bucket of <paramref name="key"/> and, when given, of <paramref name="workspaceKey"/>.</summary>
    public RateLimitDecision TryAcquire(string key, RateLimit? limit, string? workspaceKey = null, RateLimit? workspaceLimit = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            MaybeSweep(now);
            var own = limit is null ? null : Get(key, limit, now);
            var shared = workspaceKey is null || workspaceLimit is null ? null : Get(workspaceKey, workspaceLimit, now);
            var wait = Max(own?.WaitForToken(now, _time) ?? TimeSpan.Zero, shared?.WaitForToken(now, _time) ?? TimeSpan.Zero);
            if (wait > TimeSpan.Zero)
            {
                return new RateLimitDecision(false, wait);
            }
            own?.Take();
            shared?.Take();
            return RateLimitDecision.Allow;
        }
    }

    /// <summary>How many sends <paramref name="target"/> may make right now (takes nothing); int.MaxValue when unlimited.</summary>
    public int Available(ChatTarget target)
    {
        var (limit, workspaceKey, workspaceLimit) = LimitsOf(target);
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            var own = limit is null ? int.MaxValue : Get(target.Key, limit, now).Whole(now, _time);
            var shared = workspaceKey is null || workspaceLimit is null ? int.MaxValue : Get(workspaceKey, workspaceLimit, now).Whole(now, _time);
            return Math.Min(own, shared);
        }
    }

    /// <summary>
    /// Records that the platform answered 429 for <paramref name="key"/>: its bucket is emptied and blocked for
    /// <paramref name="retryAfter"/>, so the next sends wait without another refused call.
    /// </summary>
    public void Penalize(string key, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetTimestamp();
        lock (_gate)
        {
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = new Bucket(new RateLimit(1, 1), now);
                _buckets[key] = bucket;
            }
            bucket.Block(now, retryAfter, _time);
        }
    }

    private (RateLimit? Own, string? WorkspaceKey, RateLimit? Workspace) LimitsOf(ChatTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var workspaceKey = ChatTargetKinds.WorkspaceKeyOf(target);
        return (_limits.ForTarget(ChatTargetKinds.KindOf(target)), workspaceKey, workspaceKey is null ? null : _limits.SlackWorkspace);
    }

    private Bucket Get(string key, RateLimit limit, long now)
    {
        if (!_buckets.TryGetValue(key, out var bucket) || bucket.Limit != limit)
        {
            bucket = new Bucket(limit, now) { BlockedUntil = bucket?.BlockedUntil ?? 0 };
            _buckets[key] = bucket;
        }
        return bucket;
    }

    private void MaybeSweep(long now)
    {
        if (++_sinceSweep < SweepEvery || _buckets.Count <= SweepAbove)
        {
            return;
        }
        _sinceSweep = 0;
        // A full, unblocked bucket behaves exactly like a new one, so dropping it changes nothing.
        foreach (var (key, bucket) in _buckets.ToList())
        {
            if (bucket.IsIdle(now, _time))
            {
                _buckets.Remove(key);
            }
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class Bucket(RateLimit limit, long now)
    {
        private double _tokens = limit.Burst;
        private long _refilledAt = now;

        public RateLimit Limit { get; } = limit;

        public long BlockedUntil { get; set; }

        public TimeSpan WaitForToken(long now, TimeProvider time)
        {
            Refill(now, time);
            var blocked = BlockedUntil > now ? time.GetElapsedTime(now, BlockedUntil) : TimeSpan.Zero;
            var missing = _tokens >= 1 - Epsilon ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / Limit.PerSecond);
            return blocked > missing ? blocked : missing;
        }

        public void Take() => _tokens -= 1;

        public int Whole(long now, TimeProvider time)
        {
            Refill(now, time);
            return BlockedUntil > now ? 0 : (int)Math.Floor(_tokens + Epsilon);
        }

        public void Block(long now, TimeSpan wait, TimeProvider time)
        {
            Refill(now, time);
            _tokens = 0;
            var until = now + (long)(wait.TotalSeconds * time.TimestampFrequency);
            BlockedUntil = Math.Max(BlockedUntil, until);
        }

        public bool IsIdle(long now, TimeProvider time)
        {
            Refill(now, time);
            return BlockedUntil <= now && _tokens >= Limit.Burst;
        }

        private void Refill(long now, TimeProvider time)
        {
            if (now <= _refilledAt)
            {
                return;
            }
            var elapsed = time.GetElapsedTime(_refilledAt, now).TotalSeconds;
            _tokens = Math.Min(Limit.Burst, _tokens + (elapsed * Limit.PerSecond));
            _refilledAt = now;
        }
    }
}
