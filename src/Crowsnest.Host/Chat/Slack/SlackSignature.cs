using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crowsnest.Host.Chat.Slack;

/// <summary>
/// Slack's request signing: <c>X-Slack-Signature: v0=hex(HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body))</c>
/// with <c>X-Slack-Request-Timestamp</c>; requests more than 5 minutes away from now are refused (replays).
/// </summary>
internal static class SlackSignature
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>True when the timestamp is fresh and the signature matches one of the secrets (compared in constant time).</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string? timestamp, string? signature, IEnumerable<string> secrets, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature) || !signature.StartsWith("v0=", StringComparison.Ordinal)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        if (Math.Abs(now.ToUnixTimeSeconds() - seconds) > MaxAge.TotalSeconds)
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(3));
        }
        catch (FormatException)
        {
            return false;
        }
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var basis = new byte[prefix.Length + body.Length];
        prefix.CopyTo(basis, 0);
        body.CopyTo(basis.AsSpan(prefix.Length));
        var matched = false;
        foreach (var secret in secrets)
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), basis);
            matched |= CryptographicOperations.FixedTimeEquals(expected, given);
        }
        return matched;
    }
}
