using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Crowsnest.Notifications.Ingest.Sns;

/// <summary>
/// The RSA public key of an SNS signing certificate, by URL: from the pinned-certificate folder when it holds the
/// file, else fetched once and cached (the parsed key too — verification is the hot path). Failures are not cached.
/// Validity dates are not checked (AWS's own validators do not, and signed messages outlive certificates).
/// </summary>
public sealed class SnsCertificateStore(SnsTrustOptions options, SnsHttpClient http, SnsUrlPolicy policy, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Task<CertificateEntry>> _cache = new(StringComparer.Ordinal);

    /// <summary>The key for an already-checked certificate URL, or why there is none.</summary>
    public async ValueTask<CertificateKeyResult> GetKeyAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = url.AbsoluteUri;
        if (_cache.TryGetValue(key, out var cached) && cached.IsCompletedSuccessfully && cached.Result.ExpiresAt > time.GetUtcNow())
        {
            return cached.Result.Result;
        }

        var loading = _cache.AddOrUpdate(key, _ => LoadAsync(url), (_, old) => old.IsCompleted ? LoadAsync(url) : old);
        var entry = await loading.WaitAsync(cancellationToken);
        if (entry.Result.Key is null)
        {
            _cache.TryRemove(new KeyValuePair<string, Task<CertificateEntry>>(key, loading));
        }

        return entry.Result;
    }

    private async Task<CertificateEntry> LoadAsync(Uri url)
    {
        var expires = time.GetUtcNow() + options.CertificateCacheTime;
        if (PinnedPath(url) is { } path && File.Exists(path))
        {
            var pinned = await File.ReadAllBytesAsync(path);
            return new CertificateEntry(Parse(pinned, requireAmazonIssuer: false), DateTimeOffset.MaxValue);
        }

        var fetched = await http.GetAsync(url, options.MaxCertificateBytes, CancellationToken.None);
        return fetched.Body is null
            ? new CertificateEntry(CertificateKeyResult.Unreachable($"signing certificate unavailable: {fetched.Error}"), expires)
            : new CertificateEntry(Parse(fetched.Body, requireAmazonIssuer: !policy.IsExtraTrusted(url)), expires);
    }

    private string? PinnedPath(Uri url)
    {
        if (string.IsNullOrEmpty(options.PinnedCertificateDirectory) || url.AbsolutePath.Contains("..", StringComparison.Ordinal) || url.AbsolutePath.Contains('%', StringComparison.Ordinal))
        {
            return null;
        }

        var root = Path.GetFullPath(options.PinnedCertificateDirectory);
        var path = Path.GetFullPath(Path.Combine(root, url.Host, url.AbsolutePath.TrimStart('/')));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : null;
    }

    private static CertificateKeyResult Parse(byte[] bytes, bool requireAmazonIssuer)
    {
        try
        {
            var text = Encoding.ASCII.GetString(bytes);
            using var certificate = text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificate(bytes);
            if (requireAmazonIssuer && !certificate.Issuer.Contains("Amazon", StringComparison.OrdinalIgnoreCase))
            {
                return CertificateKeyResult.Fail("signing certificate was not issued by Amazon");
            }

            return certificate.GetRSAPublicKey() is { } rsa
                ? CertificateKeyResult.Ok(rsa)
                : CertificateKeyResult.Fail("signing certificate has no RSA key");
        }
        catch (CryptographicException)
        {
            return CertificateKeyResult.Fail("signing certificate does not parse");
        }
    }

    private sealed record CertificateEntry(CertificateKeyResult Result, DateTimeOffset ExpiresAt);
}

/// <summary>A signing key, or why there is none.</summary>
/// <param name="Key">The RSA public key; null on failure.</param>
/// <param name="Error">Why; null on success.</param>
/// <param name="Retryable">True when the certificate could not be fetched now (rather than being unacceptable).</param>
public sealed record CertificateKeyResult(RSA? Key, string? Error, bool Retryable = false)
{
    internal static CertificateKeyResult Ok(RSA key) => new(key, null);

    internal static CertificateKeyResult Fail(string error) => new(null, error);

    internal static CertificateKeyResult Unreachable(string error) => new(null, error, Retryable: true);
}
