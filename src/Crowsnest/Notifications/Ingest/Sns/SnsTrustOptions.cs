using System.Security.Cryptography.X509Certificates;

namespace Crowsnest.Notifications.Ingest.Sns;

/// <summary>What an operator may change about SNS trust. The defaults trust only AWS's SNS hosts.</summary>
public sealed record SnsTrustOptions
{
    /// <summary>
    /// Extra certificate hosts, each <c>host</c> or <c>host:port</c>, trusted in addition to the SNS hosts — for tests and
    /// private SNS-compatible services. Empty unless configured.
    /// </summary>
    public IReadOnlyList<string> ExtraTrustedHosts { get; init; } = [];

    /// <summary>A CA that TLS connections to the <see cref="ExtraTrustedHosts"/> may chain to (and only to them).</summary>
    public X509Certificate2? ExtraTrustedCa { get; init; }

    /// <summary>A folder holding certificates at <c>&lt;dir&gt;/&lt;host&gt;/&lt;path&gt;</c>, used instead of fetching their URL.</summary>
    public string? PinnedCertificateDirectory { get; init; }

    /// <summary>How long one certificate fetch or confirmation visit may take.</summary>
    public TimeSpan FetchTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest certificate file accepted.</summary>
    public int MaxCertificateBytes { get; init; } = 16 * 1024;

    /// <summary>How long a fetched certificate is kept before it is fetched again.</summary>
    public TimeSpan CertificateCacheTime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The oldest <c>Timestamp</c> accepted on the HTTP endpoint (zero turns the check off). SNS gives up retrying an
    /// HTTP/S delivery within an hour, so a much older envelope is a replay of a captured message.
    /// </summary>
    public TimeSpan MaxMessageAge { get; init; } = TimeSpan.FromHours(6);
}
