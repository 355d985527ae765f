using Crowsnest.Host.Hosting;

namespace Crowsnest.Host.Api.Auth;

/// <summary>
/// The only paths served without an API credential: health, readiness, metrics (unless <c>Api:ProtectMetrics</c>)
/// and the intake and chat endpoints, which prove their callers otherwise (SNS signatures, webhook secrets, Slack request
/// signatures, Bot Framework JWTs). The web console (<c>/console/...</c>) checks its own session cookie. Everything else
/// needs SigV4, a bearer token or a console session.
/// </summary>
internal static class AnonymousPaths
{
    private static readonly string[] Exact = ["/healthz", "/readyz", "/sns", "/events", "/teams/messages", "/console"];
    private static readonly string[] Prefixes = ["/sns/", "/events/", "/webhooks/", "/slack/", "/console/"];

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
