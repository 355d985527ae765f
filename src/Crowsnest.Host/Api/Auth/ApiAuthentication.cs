using Crowsnest.Host.WebConsole;
using Crowsnest.Host.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Crowsnest.Host.Api.Auth;

/// <summary>
/// Refuses every request outside <see cref="AnonymousPaths"/> that carries no valid credential: a SigV4 signature
/// made with a Crowsnest access key, a bearer token, or the web console's session cookie with its CSRF header. Answers 401/403 in the AWS error shape. The verified actor
/// (credential id) is kept for the audit log.
/// </summary>
internal static class ApiAuthentication
{
    private const string ActorKey = "crowsnest.actor";
    private const string BodyKey = "crowsnest.body";

    public static string ActorOf(HttpContext context) => context.Items[ActorKey] as string ?? "anonymous";

    /// <summary>The request body, read once by the authentication step.</summary>
    public static ReadOnlyMemory<byte> BodyOf(HttpContext context) => context.Items[BodyKey] as byte[] ?? [];

    public static void UseApiAuthentication(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var settings = context.RequestServices.GetRequiredService<CrowsnestSettings>();
            if (AnonymousPaths.Allows(context.Request.Path, settings))
            {
                await next(context);
                return;
            }
            var body = await ReadBodyAsync(context);
            context.Items[BodyKey] = body;
            // Other authenticated endpoints (the console's) read the body again.
            context.Request.Body = new MemoryStream(body, writable: false);
            var failure = await AuthenticateAsync(context, body);
            if (failure is not null)
            {
                await failure.WriteAsync(context);
                return;
            }
            await next(context);
        });
    }

    private static async Task<AwsError?> AuthenticateAsync(HttpContext context, byte[] body)
    {
        var credentials = context.RequestServices.GetRequiredService<ApiCredentialService>();
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return await AuthenticateSessionAsync(context);
        }
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var actor = await credentials.AuthenticateBearerAsync(header[7..].Trim(), context.RequestAborted);
            if (actor is null)
            {
                return new AwsError("UnrecognizedClientException", "The security token included in the request is invalid.", 403);
            }
            context.Items[ActorKey] = actor;
            return null;
        }
        var auth = SigV4Authorization.TryParse(header);
        if (auth is null)
        {
            return new AwsError("IncompleteSignatureException", "The Authorization header is not a valid AWS4-HMAC-SHA256 or Bearer authorization.", 403);
        }
        var key = await credentials.FindAccessKeyAsync(auth.AccessKeyId, context.RequestAborted);
        if (key is null)
        {
            return new AwsError("UnrecognizedClientException", "The security token included in the request is invalid.", 403);
        }
        var time = context.RequestServices.GetRequiredService<TimeProvider>();
        var outcome = SigV4Verifier.Verify(ToSigV4Request(context, body), auth, key.Secret!, time.GetUtcNow());
        if (outcome != SigV4Outcome.Valid)
        {
            return outcome switch
            {
                SigV4Outcome.ClockSkew => new AwsError("InvalidSignatureException", "Signature expired: the request time is more than 5 minutes from the server time.", 403),
                SigV4Outcome.WrongService => new AwsError("InvalidSignatureException", $"Credential should be scoped to correct service: '{SigV4Verifier.Service}'.", 403),
                _ => new AwsError("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.", 403),
            };
        }
        context.Items[ActorKey] = key.Id;
        return null;
    }

    // The console's session cookie; every call made with it must echo the session's CSRF token (all API calls are POSTs).
    private static async Task<AwsError?> AuthenticateSessionAsync(HttpContext context)
    {
        if (!context.Request.Cookies.ContainsKey(ConsoleSessions.SessionCookie))
        {
            return new AwsError("MissingAuthenticationTokenException", "Missing Authentication Token", 401);
        }
        var session = await context.RequestServices.GetRequiredService<ConsoleSessions>().FindAsync(context);
        if (session is null)
        {
            return new AwsError("UnrecognizedClientException", "The console session has ended; sign in again.", 401);
        }
        if (!HttpMethods.IsGet(context.Request.Method) && !ConsoleSessions.CsrfMatches(context, session))
        {
            return new AwsError("AccessDeniedException", $"The {ConsoleSessions.CsrfHeader} header must carry the session's CSRF token.", 403);
        }
        context.Items[ActorKey] = session.Actor;
        return null;
    }

    private static SigV4Request ToSigV4Request(HttpContext context, byte[] body)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? raw : raw[..question];
        var query = question < 0 ? "" : raw[(question + 1)..];
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase);
        return new SigV4Request(context.Request.Method, path, query, headers, body);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }
}
