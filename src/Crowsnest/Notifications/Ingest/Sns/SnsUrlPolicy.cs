using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Crowsnest.Notifications.Ingest.Sns;

/// <summary>
/// Decides which URLs Crowsnest will fetch for SNS: a signing certificate (<c>SigningCertURL</c>) or a confirmation
/// (<c>SubscribeURL</c>). Only <c>https://sns.&lt;region&gt;.amazonaws.com[.cn]/…</c> on the default port, with no
/// user-info, is accepted — plus hosts an operator trusts explicitly (<see cref="SnsTrustOptions.ExtraTrustedHosts"/>),
/// matched exactly as <c>host:port</c>.
/// </summary>
public sealed partial class SnsUrlPolicy(SnsTrustOptions options)
{
    // SNS signs with a handful of certificates, so every notification carries one of a few URLs: the accepted ones
    // are remembered (the answer depends on nothing else), up to a size no real set of certificates reaches.
    private readonly ConcurrentDictionary<string, UrlCheck> _acceptedCertificateUrls = new(StringComparer.Ordinal);

    /// <summary>Checks a <c>SigningCertURL</c>: an accepted host and a path ending in <c>.pem</c>.</summary>
    public UrlCheck CheckCertificateUrl(string? url)
    {
        if (url is not null && _acceptedCertificateUrls.TryGetValue(url, out var known))
        {
            return known;
        }

        var check = CheckCommon(url, "SigningCertURL");
        if (check.Uri is { } uri && (!uri.AbsolutePath.EndsWith(".pem", StringComparison.Ordinal) || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            return UrlCheck.Refuse("SigningCertURL must name a .pem file");
        }

        if (check.Uri is not null && _acceptedCertificateUrls.Count < 64)
        {
            _acceptedCertificateUrls.TryAdd(url!, check);
        }

        return check;
    }

    /// <summary>Checks a <c>SubscribeURL</c> before Crowsnest visits it (the same host rules: no SSRF through a confirmation).</summary>
    public UrlCheck CheckSubscribeUrl(string? url) => CheckCommon(url, "SubscribeURL");

    /// <summary>True when the host (and port) was trusted by explicit configuration rather than by the AWS pattern.</summary>
    public bool IsExtraTrusted(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var authority = $"{uri.IdnHost}:{uri.Port}";
        return options.ExtraTrustedHosts.Any(h => string.Equals(Normalize(h), authority, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when <paramref name="host"/> is one of the explicitly trusted extra hosts (on any of its configured ports).</summary>
    public bool IsExtraTrustedHost(string host) =>
        options.ExtraTrustedHosts.Any(h => string.Equals(Normalize(h).Split(':')[0], host, StringComparison.OrdinalIgnoreCase));

    private UrlCheck CheckCommon(string? url, string field)
    {
        if (string.IsNullOrEmpty(url))
        {
            return UrlCheck.Refuse($"{field} is missing");
        }

        // Reject anything a lenient parser could read differently: whitespace, backslashes, control characters.
        if (url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == '\\') || url.Length > 2048)
        {
            return UrlCheck.Refuse($"{field} is not a plain URL");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !url.StartsWith("https://", StringComparison.Ordinal) || uri.Scheme != Uri.UriSchemeHttps)
        {
            return UrlCheck.Refuse($"{field} must be an https:// URL");
        }

        if (uri.UserInfo.Length > 0 || url.AsSpan(8, AuthorityLength(url)).Contains('@'))
        {
            return UrlCheck.Refuse($"{field} must not carry user information");
        }

        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return UrlCheck.Refuse($"{field} must not name an IP address");
        }

        if (IsExtraTrusted(uri))
        {
            return UrlCheck.Accept(uri);
        }

        if (!uri.IsDefaultPort || HasExplicitPort(url))
        {
            return UrlCheck.Refuse($"{field} must not name a port");
        }

        return AwsSnsHost().IsMatch(uri.Host)
            ? UrlCheck.Accept(uri)
            : UrlCheck.Refuse($"{field} host '{SnsStringToSign.Truncate(uri.Host)}' is not an SNS endpoint (sns.<region>.amazonaws.com)");
    }

    private static int AuthorityLength(string url)
    {
        var end = url.IndexOfAny(['/', '?', '#'], 8);
        return (end < 0 ? url.Length : end) - 8;
    }

    private static bool HasExplicitPort(string url) => url.AsSpan(8, AuthorityLength(url)).Contains(':');

    private static string Normalize(string hostAndPort) =>
        hostAndPort.Contains(':', StringComparison.Ordinal) ? hostAndPort : hostAndPort + ":443";

    // The AWS validators' pattern, anchored and lower-case only (SNS never sends upper case).
    [GeneratedRegex(@"^sns\.[a-z0-9][a-z0-9\-]{1,}[a-z0-9]\.amazonaws\.com(\.cn)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AwsSnsHost();
}

/// <summary>The verdict on a URL: accepted with its parsed form, or refused with a reason.</summary>
/// <param name="Uri">The accepted URL; null when refused.</param>
/// <param name="Reason">Why it was refused; null when accepted.</param>
public sealed record UrlCheck(Uri? Uri, string? Reason)
{
    /// <summary>True when accepted.</summary>
    public bool Accepted => Uri is not null;

    internal static UrlCheck Accept(Uri uri) => new(uri, null);

    internal static UrlCheck Refuse(string reason) => new(null, reason);
}
