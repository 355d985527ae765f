using Amazon;
using Amazon.Runtime.Signing;
using Crowsnest.Aws.Credentials;

namespace Crowsnest.Aws;

/// <summary>Signs an HTTP request with SigV4 through AWSSDK.Core's public signer.</summary>
public static class RequestSigner
{
    public static async Task SignAsync(HttpRequestMessage request, byte[] body, AwsCredentials credentials, string region, string service,
        DateTimeOffset signedAt, CancellationToken ct)
    {
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri!,
            Content = body,
        };
        // The request's own Content-Type is part of what AWS verifies, so it is signed too.
        foreach (var header in request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
        {
            if (!header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                signing.Headers[header.Key] = string.Join(',', header.Value);
            }
        }
        foreach (var header in request.Headers)
        {
            signing.Headers[header.Key] = string.Join(',', header.Value);
        }
        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials.ToSdk(),
            Region = RegionEndpoint.GetBySystemName(region),
            Service = service,
            SignedAt = signedAt.UtcDateTime,
        };
        var result = await AWSSigV4Signer.SignAsync(signing, parameters, ct).ConfigureAwait(false);
        foreach (var (name, value) in result.Headers)
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) || name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
