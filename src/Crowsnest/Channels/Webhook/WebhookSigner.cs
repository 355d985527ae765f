using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crowsnest.Channels.Webhook;

/// <summary>
/// The signature scheme of Crowsnest's generic webhooks, shared by the sender and every receiver:
/// <c>X-Crowsnest-Timestamp: &lt;unix seconds&gt;</c> and
/// <c>X-Crowsnest-Signature: v1=&lt;hex(HMAC-SHA256(secret, timestamp + "." + raw body))&gt;</c>.
/// Receivers refuse timestamps more than <see cref="DefaultTolerance"/> away from their clock (replays). The
/// signature header may list several comma-separated <c>v1=</c> values (while a secret is rotated); one match suffices.
/// </summary>
public static class WebhookSigner
{
    /// <summary>The header carrying the signing time in Unix seconds.</summary>
    public const string TimestampHeader = "X-Crowsnest-Timestamp";

    /// <summary>The header carrying <c>v1=&lt;hex&gt;</c>.</summary>
    public const string SignatureHeader = "X-Crowsnest-Signature";

    /// <summary>The header carrying the delivery id, the same on every retry of one delivery.</summary>
    public const string DeliveryIdHeader = "X-Crowsnest-Delivery-Id";

    /// <summary>The scheme version prefix.</summary>
    public const string Version = "v1";

    /// <summary>How far a timestamp may be from the receiver's clock.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The header values to send with <paramref name="body"/> signed at <paramref name="now"/>.</summary>
    public static (string Timestamp, string Signature) Sign(string secret, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return (timestamp, $"{Version}={Convert.ToHexStringLower(Compute(secret, timestamp, body))}");
    }

    /// <summary>Checks the two headers against <paramref name="body"/> in constant time.</summary>
    public static WebhookSignatureCheck Verify(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body,
        DateTimeOffset now, TimeSpan? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return WebhookSignatureCheck.Missing;
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return WebhookSignatureCheck.Malformed;
        }
        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        if (age.Duration() > (tolerance ?? DefaultTolerance))
        {
            return WebhookSignatureCheck.Expired;
        }
        var expected = Compute(secret, timestamp, body);
        var sawOne = false;
        foreach (var part in signature.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!part.StartsWith(Version + "=", StringComparison.Ordinal))
            {
                continue;
            }
            sawOne = true;
            var hex = part.AsSpan(Version.Length + 1);
            if (hex.Length == expected.Length * 2 && TryFromHex(hex, out var given) && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return WebhookSignatureCheck.Valid;
            }
        }
        return sawOne ? WebhookSignatureCheck.Mismatch : WebhookSignatureCheck.Malformed;
    }

    private static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryFromHex(ReadOnlySpan<char> hex, out byte[] bytes)
    {
        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}

/// <summary>The outcome of <see cref="WebhookSigner.Verify"/>.</summary>
public enum WebhookSignatureCheck
{
    /// <summary>The signature matches.</summary>
    Valid = 0,

    /// <summary>A header is missing.</summary>
    Missing,

    /// <summary>A header cannot be read.</summary>
    Malformed,

    /// <summary>The timestamp is too far from the receiver's clock.</summary>
    Expired,

    /// <summary>The signature does not match the body.</summary>
    Mismatch,
}
