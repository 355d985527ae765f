using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crowsnest.Host.Api.Auth;

/// <summary>The outcome of verifying a SigV4 signature.</summary>
internal enum SigV4Outcome
{
    Valid = 0,
    Malformed,
    WrongService,
    ClockSkew,
    BadPayloadHash,
    SignatureMismatch,
}

/// <summary>
/// Verifies AWS Signature Version 4 on an incoming request (header form): rebuilds the canonical request from what
/// arrived, derives the signing key from the secret, and compares in constant time. Any region is accepted; the
/// service must be <c>chatbot</c>; the request time must be within 5 minutes of ours.
/// </summary>
internal static class SigV4Verifier
{
    public const string Service = "chatbot";
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(5);

    public static SigV4Outcome Verify(SigV4Request request, SigV4Authorization auth, string secretAccessKey, DateTimeOffset now, string service = Service)
    {
        if (auth.Service != service)
        {
            return SigV4Outcome.WrongService;
        }
        var amzDate = request.Header("x-amz-date");
        if (amzDate is null || !DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || !amzDate.StartsWith(auth.Date, StringComparison.Ordinal)
            || !auth.SignedHeaders.Contains("host") || !auth.SignedHeaders.Contains("x-amz-date"))
        {
            return SigV4Outcome.Malformed;
        }
        if ((now - signedAt).Duration() > MaxSkew)
        {
            return SigV4Outcome.ClockSkew;
        }
        var bodyHash = Convert.ToHexStringLower(SHA256.HashData(request.Body.Span));
        var payloadHash = request.Header("x-amz-content-sha256") ?? bodyHash;
        if (payloadHash != "UNSIGNED-PAYLOAD" && !string.Equals(payloadHash, bodyHash, StringComparison.OrdinalIgnoreCase))
        {
            return SigV4Outcome.BadPayloadHash;
        }
        var canonical = CanonicalRequest(request, auth.SignedHeaders, payloadHash);
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{auth.Scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var key = SigningKey(secretAccessKey, auth.Date, auth.Region, auth.Service);
        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign));
        byte[] given;
        try
        {
            given = Convert.FromHexString(auth.Signature);
        }
        catch (FormatException)
        {
            return SigV4Outcome.Malformed;
        }
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SigV4Outcome.Valid : SigV4Outcome.SignatureMismatch;
    }

    public static string CanonicalRequest(SigV4Request request, IReadOnlyList<string> signedHeaders, string payloadHash)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method).Append('\n');
        builder.Append(CanonicalPath(request.RawPath)).Append('\n');
        builder.Append(CanonicalQuery(request.RawQuery)).Append('\n');
        foreach (var name in signedHeaders)
        {
            var values = request.Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).SelectMany(h => h.Value);
            builder.Append(name).Append(':').Append(string.Join(',', values.Select(CollapseSpaces))).Append('\n');
        }
        builder.Append('\n').Append(string.Join(';', signedHeaders)).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    // Non-S3 services encode each path segment of the (already encoded) path once more.
    private static string CanonicalPath(string rawPath) =>
        rawPath.Length == 0 ? "/" : string.Join('/', rawPath.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
        {
            return "";
        }
        var pairs = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? p : p[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(p[(eq + 1)..]);
            return (Key: Uri.EscapeDataString(key), Value: Uri.EscapeDataString(value));
        });
        return string.Join('&', pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
    }

    private static string CollapseSpaces(string value) => string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
