using System.Globalization;
using System.Text.RegularExpressions;
using Crowsnest.TestKit.Recording;

namespace Crowsnest.LoadTest.Harness;

/// <summary>
/// Each notification of a run carries <c>MK{n}X</c> in its title; a receiver's accepted writes show which arrived,
/// how many times, and when first.
/// </summary>
internal static partial class Markers
{
    public static string Of(int n) => string.Create(CultureInfo.InvariantCulture, $"MK{n}X");

    /// <summary>First and last arrival time and number of arrivals of each marker among <paramref name="writes"/>.</summary>
    public static Dictionary<int, Arrival> Seen(IEnumerable<ReceivedRequest> writes)
    {
        var seen = new Dictionary<int, Arrival>();
        foreach (var write in writes)
        {
            // One write may list a marker twice (a digest's section and its file); count each write once.
            foreach (var n in Pattern().Matches(write.Body).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct())
            {
                seen[n] = seen.TryGetValue(n, out var s)
                    ? new Arrival(s.First < write.At ? s.First : write.At, s.Last > write.At ? s.Last : write.At, s.Count + 1)
                    : new Arrival(write.At, write.At, 1);
            }
        }
        return seen;
    }

    [GeneratedRegex(@"MK(\d+)X")]
    private static partial Regex Pattern();
}

/// <summary>Waits (bounded) until a receiver has seen every marker of a run.</summary>
internal static class Arrivals
{
    public static async Task<Dictionary<int, Arrival>> WaitAsync(ReceiptLog log, IReadOnlyCollection<int> expected, TimeSpan within,
        Func<bool>? giveUp = null)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var seen = Markers.Seen(log.AcceptedWrites());
            if (expected.All(seen.ContainsKey) || DateTimeOffset.UtcNow > deadline || giveUp?.Invoke() == true)
            {
                return seen;
            }
            await Task.Delay(500);
        }
    }

    /// <summary>Extra deliveries of the same notification seen by the receiver (each arrival after the first).</summary>
    public static int Duplicates(Dictionary<int, Arrival> seen) => seen.Values.Sum(s => s.Count - 1);
}

/// <summary>When a notification first and last reached a receiver, and how many times.</summary>
internal readonly record struct Arrival(DateTimeOffset First, DateTimeOffset Last, int Count);
