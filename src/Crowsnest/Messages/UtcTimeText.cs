namespace Crowsnest.Messages;

/// <summary>
/// Writes <c>yyyy-MM-dd HH:mm:ss</c> directly: every message shows a time or two, and the custom format string
/// costs more than the rest of a field.
/// </summary>
internal static class UtcTimeText
{
    private const int Length = 19;

    /// <summary>The length of <c>yyyy-MM-dd HH:mm:ss UTC</c>.</summary>
    public const int LengthWithZone = Length + 4;

    /// <summary>Writes <c>yyyy-MM-dd HH:mm:ss UTC</c> into the first <see cref="LengthWithZone"/> chars.</summary>
    public static void WriteWithZone(Span<char> into, DateTimeOffset at)
    {
        Write(into, at);
        " UTC".CopyTo(into[Length..]);
    }

    private static void Write(Span<char> into, DateTimeOffset at)
    {
        var t = at.UtcDateTime;
        Digits(into, t.Year, 4);
        into[4] = '-';
        Digits(into[5..], t.Month, 2);
        into[7] = '-';
        Digits(into[8..], t.Day, 2);
        into[10] = ' ';
        Digits(into[11..], t.Hour, 2);
        into[13] = ':';
        Digits(into[14..], t.Minute, 2);
        into[16] = ':';
        Digits(into[17..], t.Second, 2);
    }

    private static void Digits(Span<char> into, int value, int width)
    {
        for (var i = width - 1; i >= 0; i--)
        {
            into[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
