namespace Crowsnest.TestKit.Hosting;

/// <summary>
/// At most <c>limit</c> events per key in any window of <c>window</c>, on the emulator's clock. Deliberately a
/// different algorithm from the engine's token buckets, so the sender and the emulator do not share a mistake.
/// </summary>
public sealed class SlidingWindowLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _events = new(StringComparer.Ordinal);

    /// <summary>Counts an event for <paramref name="key"/> if allowed; otherwise returns how long until it would be.</summary>
    public bool TryAcquire(string key, int limit, TimeSpan window, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_events.TryGetValue(key, out var events))
            {
                events = new Queue<DateTimeOffset>();
                _events[key] = events;
            }
            while (events.Count > 0 && events.Peek() <= now - window)
            {
                events.Dequeue();
            }
            if (events.Count >= limit)
            {
                retryAfter = events.Peek() + window - now;
                return false;
            }
            events.Enqueue(now);
            retryAfter = TimeSpan.Zero;
            return true;
        }
    }

    /// <summary>Forgets every event.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
        }
    }
}
