using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Host.Api;

namespace Crowsnest.Host.WebConsole;

/// <summary>
/// The web console under <c>/console</c>: its static files, its pages (one shell; every page but sign-in and setup
/// needs a session), and the sign-in endpoints. Everything else the console does goes through the public REST API,
/// which accepts the session cookie (with its CSRF header) as one more credential.
/// </summary>
internal static class ConsoleEndpoints
{
    /// <summary>The pages the console's script knows; any other path under /console is not found.</summary>
    public static readonly string[] Pages =
        ["overview", "clients", "configurations", "deliveries", "inbox", "preview", "audit", "aliases", "keys"];

    private static readonly string[] OpenPages = ["sign-in", "setup"];

    public static void Map(WebApplication app)
    {
        app.MapGet("/console", () => Results.Redirect("/console/overview"));
        app.MapGet("/console/assets/{**path}", (HttpContext context, string path) => ServeAsset(context, path));
        app.MapGet("/console/{page}", ServePageAsync);
        app.MapPost("/console/api/setup", SetUpAsync);
        app.MapPost("/console/api/sign-in", SignInAsync);
        app.MapPost("/console/api/sign-out", SignOutAsync);
    }

    private static IResult ServeAsset(HttpContext context, string path)
    {
        if (ConsoleAssets.Find(path) is not { } asset)
        {
            return Results.NotFound();
        }
        AddSecurityHeaders(context);
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static async Task<IResult> ServePageAsync(HttpContext context, string page, ConsoleSessions sessions)
    {
        if (!OpenPages.Contains(page) && !Pages.Contains(page))
        {
            return Results.NotFound();
        }
        if (!OpenPages.Contains(page) && await sessions.FindAsync(context) is null)
        {
            return Results.Redirect("/console/sign-in?next=" + Uri.EscapeDataString(page));
        }
        AddSecurityHeaders(context);
        context.Response.Headers.CacheControl = "no-store";
        var shell = ConsoleAssets.Find("index.html")!.Value;
        return Results.Bytes(shell.Content, shell.ContentType);
    }

    private static async Task<IResult> SetUpAsync(HttpContext context, ConsoleAccounts accounts, AuditWriter audit)
    {
        if (await ReadJsonAsync(context) is not { } input)
        {
            return BadRequest("The request must be a JSON object (Content-Type: application/json).");
        }
        var userName = Str(input, "UserName");
        var errors = await accounts.SetUpAsync(Str(input, "Token"), userName, Str(input, "Password"), context.RequestAborted);
        if (errors.Count > 0)
        {
            return BadRequest(ValidationError.Describe(errors));
        }
        await audit.WriteAsync(Call(context, "SetUpConsole", "console:" + userName), "console-admin.create", userName, null);
        return Results.Json(new JsonObject { ["UserName"] = userName });
    }

    private static async Task<IResult> SignInAsync(HttpContext context, ConsoleAccounts accounts, ConsoleSessions sessions, AuditWriter audit)
    {
        if (await ReadJsonAsync(context) is not { } input)
        {
            return BadRequest("The request must be a JSON object (Content-Type: application/json).");
        }
        var userName = await accounts.VerifyAsync(Str(input, "UserName"), Str(input, "Password"), context.RequestAborted);
        if (userName is null)
        {
            // Not the typed user name: people type passwords into it by mistake.
            await audit.WriteAsync(Call(context, "SignIn", "console:anonymous"), "console.sign-in", null, null, "failed");
            return Error("NotAuthorizedException", "The user name or password is not correct.", 401);
        }
        var (token, session) = await sessions.StartAsync(userName, context.RequestAborted);
        ConsoleSessions.WriteCookies(context, token, session);
        await audit.WriteAsync(Call(context, "SignIn", session.Actor), "console.sign-in", null, null);
        return Results.Json(new JsonObject { ["UserName"] = userName });
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, ConsoleSessions sessions, AuditWriter audit)
    {
        var session = await sessions.FindAsync(context);
        if (session is null || !ConsoleSessions.CsrfMatches(context, session))
        {
            return Error("AccessDeniedException", "No session, or the CSRF token is missing or wrong.", 403);
        }
        await sessions.EndAsync(context.Request.Cookies[ConsoleSessions.SessionCookie]!, context.RequestAborted);
        ConsoleSessions.ClearCookies(context);
        await audit.WriteAsync(Call(context, "SignOut", session.Actor), "console.sign-out", null, null);
        return Results.NoContent();
    }

    private static void AddSecurityHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpContext context)
    {
        // JSON only: a cross-site HTML form cannot send it, so these endpoints need no CSRF token of their own.
        if (!context.Request.HasJsonContentType())
        {
            return null;
        }
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Str(JsonElement input, string name) =>
        input.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static ApiCall Call(HttpContext context, string operation, string actor) =>
        new(operation, default, actor, context.TraceIdentifier, context.RequestAborted);

    private static IResult BadRequest(string message) => Error("InvalidParameterException", message, 400);

    private static IResult Error(string type, string message, int status) =>
        Results.Json(new JsonObject { ["__type"] = type, ["message"] = message, ["Message"] = message }, statusCode: status);
}
