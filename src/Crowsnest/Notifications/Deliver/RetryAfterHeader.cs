using System.Globalization;
using System.Net.Http.Headers;

namespace Crowsnest.Notifications.Deliver;

/// <summary>Parses a <c>Retry-After</c> header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).</summary>
public static class RetryAfterHeader
{
    /// <summary>The longest wait accepted from a server; longer values are capped to this.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    private static readonly string[] HttpDateFormats =
    [
        "r", // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        "dddd, dd-MMM-yy HH:mm:ss 'GMT'", // obsolete RFC 850
        "ddd MMM d HH:mm:ss yyyy", // obsolete asctime
        "ddd MMM  d HH:mm:ss yyyy",
    ];

    /// <summary>
    /// The wait the header asks for, relative to <paramref name="now"/>: zero for a date in the past, capped at
    /// <see cref="Longest"/>; null for a missing or unreadable value.
    /// </summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Trim();
        if (text.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            // Delay-seconds is an integer; a decimal ("1.5") is read too, since some servers send one.
            if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
            {
                return seconds >= Longest.TotalSeconds ? Longest : TimeSpan.FromSeconds(seconds);
            }
            return null;
        }
        if (DateTimeOffset.TryParseExact(text, HttpDateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - now;
            return wait <= TimeSpan.Zero ? TimeSpan.Zero : wait > Longest ? Longest : wait;
        }
        return null;
    }

    /// <summary>The wait asked for by the <c>Retry-After</c> header of <paramref name="headers"/>, read as raw text.</summary>
    public static TimeSpan? From(HttpResponseHeaders headers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return headers.TryGetValues("Retry-After", out var values) ? Parse(values.FirstOrDefault(), now) : null;
    }
}
