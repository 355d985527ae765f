namespace Crowsnest.Notifications.Events.Support;

/// <summary>
/// The strict ISO-8601 forms nearly every AWS event carries (<c>2024-02-17T11:53:08Z</c>, with a fraction, with
/// <c>+00:00</c> or CloudWatch's <c>+0000</c>, or without an offset, read as UTC), read without the general
/// parser. Anything else is left to <see cref="Timestamps"/>' slower fallbacks.
/// </summary>
internal static class IsoTimestamp
{
    public static bool TryParse(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] is not ('T' or ' ') || s[13] != ':' || s[16] != ':'
            || !Number(s, 0, 4, out var year) || !Number(s, 5, 2, out var month) || !Number(s, 8, 2, out var day)
            || !Number(s, 11, 2, out var hour) || !Number(s, 14, 2, out var minute) || !Number(s, 17, 2, out var second))
        {
            return false;
        }

        var i = 19;
        long ticks = 0;
        if (i < s.Length && s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                ticks = (ticks * 10) + (s[i] - '0');
                i++;
            }

            // More digits than ticks hold are rounded by the general parser; leave those to it.
            if (i == start || i - start > 7)
            {
                return false;
            }

            for (var scale = i - start; scale < 7; scale++)
            {
                ticks *= 10;
            }
        }

        // Years 1 and 9999 are left to the fallbacks: an offset there could carry the time out of DateTime's range.
        if (!Offset(s[i..], out var offset) || year is < 2 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var utc = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(ticks) - offset;
        value = new DateTimeOffset(utc);
        return true;
    }

    /// <summary><c>Z</c>, <c>±HH:mm</c>, <c>±HHmm</c>, or nothing (UTC).</summary>
    private static bool Offset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s.IsEmpty || s is "Z" or "z")
        {
            return true;
        }

        if (s[0] is not ('+' or '-'))
        {
            return false;
        }

        var colon = s.Length == 6 && s[3] == ':';
        if ((!colon && s.Length != 5) || !Number(s, 1, 2, out var hours) || !Number(s, colon ? 4 : 3, 2, out var minutes) || hours > 14 || minutes > 59)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (s[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool Number(ReadOnlySpan<char> s, int at, int width, out int value)
    {
        value = 0;
        for (var i = at; i < at + width; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }
}
