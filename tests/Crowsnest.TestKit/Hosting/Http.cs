using System.Text;
using System.Text.Json.Nodes;

namespace Crowsnest.TestKit.Hosting;

/// <summary>Small response writers shared by the emulators.</summary>
public static class Http
{
    /// <summary>Writes <paramref name="body"/> as JSON.</summary>
    public static Task JsonAsync(HttpContext context, int status, JsonNode body, string? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(), Encoding.UTF8);
    }

    /// <summary>Writes <paramref name="text"/> as plain text.</summary>
    public static Task TextAsync(HttpContext context, int status, string text, string? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        return text.Length == 0 ? Task.CompletedTask : context.Response.WriteAsync(text, Encoding.UTF8);
    }

    /// <summary>Whole seconds to wait, at least 1, as a header value.</summary>
    public static string Seconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
