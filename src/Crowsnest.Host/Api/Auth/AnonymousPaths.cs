using Crowsnest.Host.Hosting;

namespace Crowsnest.Host.Api.Auth;

/// <summary>
/// The only paths served without an API credential: health, readiness, metrics (unless <c>Api:ProtectMetrics</c>)
/// and the intake endpoints, which prove their callers otherwise (SNS signatures, webhook secrets).
/// The web console (<c>/console/...</c>) checks its own session cookie. Everything else needs SigV4, a bearer token or
/// a console session.
/// </summary>
internal static class AnonymousPaths
{
    private static readonly string[] Exact = ["/healthz", "/readyz", "/sns", "/events", "/console"];
    private static readonly string[] Prefixes = ["/sns/", "/events/", "/webhooks/", "/console/"];

    public static bool Allows(PathString path, CrowsnestSettings settings)
    {
        var value = path.Value ?? "/";
        if (value == "/metrics")
        {
            return !settings.Api.ProtectMetrics;
        }
        return Exact.Contains(value, StringComparer.Ordinal) || Prefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal));
    }
}
