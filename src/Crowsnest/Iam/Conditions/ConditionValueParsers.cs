using System.Globalization;
using System.Net;

namespace Crowsnest.Iam;

/// <summary>Parses condition values the way the operators read them (numbers, W3C dates or epoch, CIDR blocks).</summary>
internal static class ConditionValueParsers
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM", "yyyy",
    ];

    public static bool TryNumber(string text, out decimal value)
        => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    public static bool TryDate(string text, out DateTimeOffset value)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && text.Length != 4
            && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            && epoch <= 253402300799)
        {
            value = DateTimeOffset.FromUnixTimeSeconds(epoch);
            return true;
        }
        return DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    public static bool TryNetwork(string text, out IPNetwork network)
    {
        var withPrefix = text.Contains('/', StringComparison.Ordinal)
            ? text
            : IPAddress.TryParse(text, out var single) ? $"{text}/{(single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32)}" : text;
        return IPNetwork.TryParse(withPrefix, out network);
    }

    public static bool TryBool(string text, out bool value)
    {
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        value = false;
        return string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }
}
