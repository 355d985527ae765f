using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crowsnest.Notifications.Ingest.Sources;

/// <summary>Checks a caller's credentials against a source definition, in constant time.</summary>
public static class SourceAuthenticator
{
    private static readonly TimeSpan HmacWindow = TimeSpan.FromMinutes(5);

    /// <summary>True when the request carries the event source's API key or basic credentials.</summary>
    public static bool Check(EventSourceDefinition source, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(header);
        if (source.Authorization == EventSourceAuthorization.ApiKey)
        {
            return header(source.Name) is { } key && SameText(key, source.Secret);
        }

        var authorization = header("Authorization");
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var expected = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{source.Name}:{source.Secret}"));
        return SameText(authorization[6..].Trim(), expected);
    }

    /// <summary>True when the request carries the webhook's token, or a fresh HMAC signature of <paramref name="body"/>.</summary>
    public static bool Check(WebhookSourceDefinition source, Func<string, string?> header, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(header);
        if (source.Authentication == WebhookAuthentication.Token)
        {
            return header(source.HeaderName) is { } token && SameText(token, source.Secret);
        }

        if (header(WebhookSourceDefinition.TimestampHeader) is not { } timestamp
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > 253_402_300_799
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > HmacWindow
            || header(WebhookSourceDefinition.SignatureHeader) is not { } signature
            || !signature.StartsWith("v1=", StringComparison.Ordinal))
        {
            return false;
        }

        return SameText(signature[3..], Sign(source.Secret, timestamp, body));
    }

    /// <summary>The hex HMAC-SHA256 of <c>v1:{timestamp}:{body}</c> (what callers put after <c>v1=</c>).</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"v1:{timestamp}:"));
        hmac.AppendData(body);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    private static bool SameText(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
