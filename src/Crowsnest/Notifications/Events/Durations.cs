namespace Crowsnest.Notifications.Events;

/// <summary>Durations read from event numbers, which may be anything: out-of-range values give the fallback, never an overflow.</summary>
internal static class Durations
{
    // Ten years: far beyond any alarm period or execution an event describes, far below TimeSpan's range.
    private const double MaxSeconds = 10 * 366 * 24 * 3600d;

    /// <summary>The number of seconds as a duration, or <paramref name="fallback"/> when missing, negative, not finite or absurd.</summary>
    public static TimeSpan Seconds(double? seconds, TimeSpan fallback) =>
        seconds is { } s && double.IsFinite(s) && s >= 0 && s <= MaxSeconds ? TimeSpan.FromSeconds(s) : fallback;

    /// <summary>The number of milliseconds as a duration, or null when negative, not finite or absurd.</summary>
    public static TimeSpan? Milliseconds(double milliseconds) =>
        double.IsFinite(milliseconds) && milliseconds >= 0 && milliseconds <= MaxSeconds * 1000 ? TimeSpan.FromMilliseconds(milliseconds) : null;
}
