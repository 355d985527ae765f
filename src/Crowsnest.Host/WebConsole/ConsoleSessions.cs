using System.Security.Cryptography;
using System.Text;
using Crowsnest.Storage;

namespace Crowsnest.Host.WebConsole;

/// <summary>A signed-in console session: who, and the CSRF token its state-changing calls must echo.</summary>
internal sealed record ConsoleSession(string UserName, string Csrf)
{
    /// <summary>The actor the audit log records for calls made in this session.</summary>
    public string Actor => "console:" + UserName;
}

/// <summary>
/// Server-side console sessions in the store's settings (keyed by the token's SHA-256, expiring on their own), so
/// signing out ends a session on every instance. The session cookie is HttpOnly; the CSRF cookie is readable by the
/// console's script, which echoes it in <see cref="CsrfHeader"/> (double submit, checked against the session too).
/// </summary>
internal sealed class ConsoleSessions(IStore store, TimeProvider time)
{
    public const string SessionCookie = "crowsnest_session";
    public const string CsrfCookie = "crowsnest_csrf";
    public const string CsrfHeader = "X-Crowsnest-Csrf";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);
    private const string KeyPrefix = "console:session:";

    public async Task<(string Token, ConsoleSession Session)> StartAsync(string userName, CancellationToken cancellationToken)
    {
        var token = ConsoleTokens.New();
        var session = new ConsoleSession(userName, ConsoleTokens.New());
        await store.Settings.SetAsync(KeyPrefix + ConsoleTokens.Hash(token), $"{session.UserName}\n{session.Csrf}", time.GetUtcNow() + Lifetime, cancellationToken);
        return (token, session);
    }

    public async Task<ConsoleSession?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return null;
        }
        var value = await store.Settings.GetAsync(KeyPrefix + ConsoleTokens.Hash(token), cancellationToken);
        var newline = value?.IndexOf('\n', StringComparison.Ordinal) ?? -1;
        return newline <= 0 ? null : new ConsoleSession(value![..newline], value[(newline + 1)..]);
    }

    public Task<bool> EndAsync(string token, CancellationToken cancellationToken) => store.Settings.DeleteAsync(KeyPrefix + ConsoleTokens.Hash(token), cancellationToken);

    /// <summary>The session of a request's cookie, or null.</summary>
    public Task<ConsoleSession?> FindAsync(HttpContext context) => FindAsync(context.Request.Cookies[SessionCookie], context.RequestAborted);

    /// <summary>Whether a state-changing request echoes the session's CSRF token in both the header and the cookie.</summary>
    public static bool CsrfMatches(HttpContext context, ConsoleSession session)
    {
        var header = context.Request.Headers[CsrfHeader].ToString();
        var cookie = context.Request.Cookies[CsrfCookie] ?? "";
        var expected = Encoding.UTF8.GetBytes(session.Csrf);
        return header.Length > 0
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header), expected)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(cookie), expected);
    }

    public static void WriteCookies(HttpContext context, string token, ConsoleSession session)
    {
        var secure = context.Request.IsHttps;
        context.Response.Cookies.Append(SessionCookie, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = secure, Path = "/", MaxAge = Lifetime });
        context.Response.Cookies.Append(CsrfCookie, session.Csrf, new CookieOptions { HttpOnly = false, SameSite = SameSiteMode.Strict, Secure = secure, Path = "/", MaxAge = Lifetime });
    }

    public static void ClearCookies(HttpContext context)
    {
        var secure = context.Request.IsHttps;
        context.Response.Cookies.Delete(SessionCookie, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = secure, Path = "/" });
        context.Response.Cookies.Delete(CsrfCookie, new CookieOptions { SameSite = SameSiteMode.Strict, Secure = secure, Path = "/" });
    }
}
