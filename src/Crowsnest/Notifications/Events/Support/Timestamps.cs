using System.Globalization;
using System.Text.RegularExpressions;
using Crowsnest.Messages;

namespace Crowsnest.Notifications.Events.Support;

/// <summary>
/// Reads the many timestamp forms AWS sends (ISO-8601 with <c>+0000</c>, RFC 1123, epoch seconds or milliseconds,
/// <c>Wed Sep 04 16:59:44.356 UTC 2024</c>, <c>Jul 15, 2020 9:39:07 PM</c>, copy-paste spaces after colons).
/// What cannot be read is shown as it was sent.
/// </summary>
internal static partial class Timestamps
{
    private static readonly string[] ExactFormats =
    [
        "MMM dd HH:mm:ss.fff 'UTC' yyyy",
        "MMM dd HH:mm:ss 'UTC' yyyy",
        "MMM d HH:mm:ss 'UTC' yyyy",
        "d MMM yyyy HH:mm:ss 'GMT'",
        "dd MMM yyyy HH:mm:ss 'GMT'",
        "yyyy-MM-dd HH:mm:ss.fff",
        "yyyy-MM-dd HH:mm:ss",
        "dd/MM/yy HH:mm:ss",
        "MMM d, yyyy h:mm:ss tt",
        "yyyy-MM-dd'T'HH:mm:ss.ffffff",
    ];

    /// <summary>Parses a timestamp; null when it cannot be read.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = text.Trim();
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (IsoTimestamp.TryParse(value, out var strict))
        {
            return strict;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return FromEpoch(number);
        }

        if (value.Contains(": ", StringComparison.Ordinal))
        {
            value = value.Replace(": ", ":", StringComparison.Ordinal);
        }

        // Published samples carry weekdays that do not match their dates; the date alone decides.
        var weekday = Weekday().Match(value);
        if (weekday.Success)
        {
            value = value[weekday.Length..];
        }

        if (HasColonlessOffset(value))
        {
            value = string.Concat(value.AsSpan(0, value.Length - 2), ":", value.AsSpan(value.Length - 2));
        }

        if (DateTimeOffset.TryParseExact(value, ExactFormats, CultureInfo.InvariantCulture, Styles, out var exact))
        {
            return exact.ToUniversalTime();
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, Styles, out var parsed) ? parsed.ToUniversalTime() : null;
    }

    /// <summary>Epoch seconds or milliseconds (told apart by size).</summary>
    public static DateTimeOffset? FromEpoch(double number)
    {
        if (number <= 0 || double.IsNaN(number) || double.IsInfinity(number))
        {
            return null;
        }

        var milliseconds = number > 100_000_000_000 ? number : number * 1000;
        return milliseconds < 253_402_300_799_000 ? DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds) : null;
    }

    /// <summary>A timestamp for display: <c>2024-02-17 11:53:08 UTC</c>, or the text as sent when it cannot be read.</summary>
    public static string? Display(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Parse(text) is { } at ? Format(at) : text.Trim();
    }

    /// <summary>Formats a time for display.</summary>
    public static string Format(DateTimeOffset at) =>
        string.Create(UtcTimeText.LengthWithZone, at, static (chars, t) => UtcTimeText.WriteWithZone(chars, t));

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    /// <summary>Ends with <c>+0000</c> (no colon), which .NET does not read.</summary>
    private static bool HasColonlessOffset(string value) =>
        value.Length > 5 && value[^5] is '+' or '-' && char.IsAsciiDigit(value[^4]) && char.IsAsciiDigit(value[^3])
        && char.IsAsciiDigit(value[^2]) && char.IsAsciiDigit(value[^1]) && value[^6] != ' ' && char.IsAsciiDigit(value[^6]);
}
