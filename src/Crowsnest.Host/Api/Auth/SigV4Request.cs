namespace Crowsnest.Host.Api.Auth;

/// <summary>What SigV4 verification needs of an HTTP request.</summary>
/// <param name="Method">GET, POST, ...</param>
/// <param name="RawPath">The path exactly as sent (still percent-encoded).</param>
/// <param name="RawQuery">The query string as sent, without '?'.</param>
/// <param name="Headers">Header name (any case) → values.</param>
/// <param name="Body">The request body.</param>
internal sealed record SigV4Request(string Method, string RawPath, string RawQuery, IReadOnlyDictionary<string, string[]> Headers, ReadOnlyMemory<byte> Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } values ? values[0] : null;
}

/// <summary>The parsed <c>Authorization: AWS4-HMAC-SHA256 ...</c> header.</summary>
internal sealed record SigV4Authorization(string AccessKeyId, string Date, string Region, string Service, IReadOnlyList<string> SignedHeaders, string Signature)
{
    public string Scope => $"{Date}/{Region}/{Service}/aws4_request";

    public static SigV4Authorization? TryParse(string header)
    {
        const string Algorithm = "AWS4-HMAC-SHA256 ";
        if (!header.StartsWith(Algorithm, StringComparison.Ordinal))
        {
            return null;
        }
        string? credential = null, signed = null, signature = null;
        foreach (var part in header[Algorithm.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return null;
            }
            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signed = value; break;
                case "Signature": signature = value; break;
            }
        }
        var scope = credential?.Split('/');
        if (scope is not { Length: 5 } || scope[4] != "aws4_request" || signed is null || signature is null)
        {
            return null;
        }
        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], signed.Split(';'), signature);
    }
}
