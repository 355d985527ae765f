using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Crowsnest.Notifications.Ingest.Sns;

/// <summary>
/// The one HTTP client SNS work uses (certificate fetches and confirmation visits): no redirects, no cookies, a
/// bounded time and size, and TLS validated normally — except that the explicitly trusted extra hosts may chain to
/// the explicitly trusted CA.
/// </summary>
public sealed class SnsHttpClient : IDisposable
{
    private readonly HttpClient _client;
    private readonly SnsTrustOptions _options;
    private readonly SnsUrlPolicy _policy;

    /// <summary>Creates the client.</summary>
    public SnsHttpClient(SnsTrustOptions options, SnsUrlPolicy policy)
    {
        _options = options;
        _policy = policy;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectTimeout = options.FetchTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            MaxResponseHeadersLength = 16,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate },
        };
        _client = new HttpClient(handler) { Timeout = options.FetchTimeout };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Crowsnest", "1"));
    }

    /// <summary>GETs an already-checked URL; the body (at most <paramref name="maxBytes"/>) on a 2xx answer, else why not.</summary>
    public async Task<FetchResult> GetAsync(Uri uri, int maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                return FetchResult.Fail($"{uri.Host} answered a redirect, which is not followed");
            }

            if (!response.IsSuccessStatusCode)
            {
                return FetchResult.Fail($"{uri.Host} answered {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return FetchResult.Fail($"{uri.Host} answered more than {maxBytes} bytes");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[maxBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
            {
                total += read;
            }

            return total > maxBytes
                ? FetchResult.Fail($"{uri.Host} answered more than {maxBytes} bytes")
                : FetchResult.Ok(buffer.AsMemory(0, total).ToArray());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Fail($"{uri.Host} did not answer within {_options.FetchTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return FetchResult.Fail($"{uri.Host} could not be reached: {e.HttpRequestError}");
        }
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // SocketsHttpHandler passes the SslStream; its target host is the request's host.
        if (_options.ExtraTrustedCa is not { } ca || certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)
            || sender is not SslStream { TargetHostName: { Length: > 0 } host } || !_policy.IsExtraTrustedHost(host))
        {
            return false;
        }

        // Only the explicitly trusted host may present a certificate from the explicitly trusted CA.
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(ca);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        var hostMatches = leaf.MatchesHostname(host);
        return hostMatches && custom.Build(leaf);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}

/// <summary>A fetched body, or why there is none.</summary>
/// <param name="Body">The bytes; null on failure.</param>
/// <param name="Error">Why it failed; null on success.</param>
public sealed record FetchResult(byte[]? Body, string? Error)
{
    internal static FetchResult Ok(byte[] body) => new(body, null);

    internal static FetchResult Fail(string error) => new(null, error);
}
