namespace Crowsnest.TestKit.Hosting;

/// <summary>
/// "About N per second with short bursts" per key, as the platforms describe their posting limits; on the emulator's
/// clock (wall time, so it is written independently of the engine's monotonic buckets).
/// </summary>
public sealed class TokenBuckets(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (double Tokens, DateTimeOffset At)> _buckets = new(StringComparer.Ordinal);

    /// <summary>Takes a token for <paramref name="key"/> if one is left; otherwise returns the wait for one.</summary>
    public bool TryAcquire(string key, double perSecond, int burst, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var (tokens, at) = _buckets.TryGetValue(key, out var b) ? b : (burst, now);
            tokens = Math.Min(burst, tokens + (Math.Max(0, (now - at).TotalSeconds) * perSecond));
            if (tokens < 1)
            {
                _buckets[key] = (tokens, now);
                retryAfter = TimeSpan.FromSeconds((1 - tokens) / perSecond);
                return false;
            }
            _buckets[key] = (tokens - 1, now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>Forgets every bucket.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _buckets.Clear();
        }
    }
}
