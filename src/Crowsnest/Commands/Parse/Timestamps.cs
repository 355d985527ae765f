using System.Globalization;

namespace Crowsnest.Commands.Parse;

/// <summary>Timestamps as the AWS CLI accepts them (ISO-8601, a date alone, epoch seconds, RFC 822) and as the wire wants them.</summary>
public static class Timestamps
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
        {
            value = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(epoch * 1000));
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary><c>2024-05-01T12:00:00Z</c>, with milliseconds only when there are some (botocore's serializer form).</summary>
    public static string Iso8601(DateTimeOffset t) =>
        t.UtcDateTime.ToString(t.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Rfc822(DateTimeOffset t) => t.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    public static string EpochSeconds(DateTimeOffset t) =>
        t.Millisecond == 0
            ? t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            : (t.ToUnixTimeMilliseconds() / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);
}
