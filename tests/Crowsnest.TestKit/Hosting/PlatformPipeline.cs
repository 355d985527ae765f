using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.Channels.Webhook;
using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Recording;

namespace Crowsnest.TestKit.Hosting;

/// <summary>
/// Runs in front of every platform endpoint: reads the body once, applies the injected fault, lets the endpoint
/// answer, and records the exchange.
/// </summary>
internal static class PlatformPipeline
{
    private static readonly string[] KeptHeaders =
    [
        "Content-Type", "User-Agent", "X-Crowsnest-Delivery-Id", "X-Crowsnest-Timestamp", "X-Crowsnest-Signature",
        "X-Slack-Request-Timestamp", "X-Slack-Signature", "X-Slack-Retry-Num", "X-Slack-Retry-Reason",
    ];

    public static async Task RunAsync(EmulatorHost host, IReadOnlyList<(string Prefix, string Platform)> prefixes, HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? "/";
        var match = prefixes.FirstOrDefault(p => path.StartsWith(p.Prefix, StringComparison.Ordinal));
        if (match.Prefix is null)
        {
            await next();
            return;
        }
        var at = host.Time.GetUtcNow();
        byte[] body;
        try
        {
            body = await ReadBodyAsync(context);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or BadHttpRequestException)
        {
            // The client went away before its body arrived: nothing took effect.
            var aborted = new EmulatorExchange([], match.Platform, "aborted") { Error = "client_aborted" };
            Record(host, context, aborted, at, null, 499);
            return;
        }
        var operation = match.Platform == "slack-api" ? path[match.Prefix.Length..].Trim('/') : "post";
        var exchange = new EmulatorExchange(body, match.Platform, operation);
        context.Features.Set(exchange);
        // Handlers may read the body again (forms, multipart) from this copy.
        context.Request.Body = new MemoryStream(body, writable: false);
        var decision = host.Faults.Decide();
        string? fault = decision.Kind == FaultKind.None ? null : decision.Kind.ToString();
        // The body is in memory: handlers read it with no token, so a client that gave up (a timeout) does not stop
        // the request from taking effect.
        var failed = false;
        try
        {
            if (decision.Delay > TimeSpan.Zero)
            {
                // Slow answers ignore the client giving up: the request still takes effect, as on a real platform,
                // which is what makes a timed-out delivery's outcome unknown.
                await Task.Delay(decision.Delay, host.Time, host.Stopping);
            }
            switch (decision.Kind)
            {
                case FaultKind.None or FaultKind.Slow:
                    await next();
                    break;
                case FaultKind.Scripted:
                    var s = decision.Scripted!;
                    exchange.Error = "scripted";
                    context.Response.StatusCode = s.Status;
                    if (s.RetryAfter is not null)
                    {
                        context.Response.Headers.RetryAfter = s.RetryAfter;
                    }
                    if (s.Body is not null)
                    {
                        context.Response.ContentType = s.ContentType;
                        await context.Response.WriteAsync(s.Body, Encoding.UTF8);
                    }
                    break;
                default:
                    await WriteFaultAsync(context, exchange, decision);
                    break;
            }
        }
        catch (OperationCanceledException) when (host.Stopping.IsCancellationRequested)
        {
            context.Response.StatusCode = 503;
            exchange.Error = "emulator_stopping";
        }
        catch (Exception)
        {
            failed = true;
            exchange.Error ??= "emulator_error";
            throw;
        }
        finally
        {
            Record(host, context, exchange, at, fault, failed ? 500 : context.Response.StatusCode);
        }
    }

    private static void Record(EmulatorHost host, HttpContext context, EmulatorExchange exchange, DateTimeOffset at, string? fault, int status)
    {
        var body = exchange.Body;
        var accepted = status is >= 200 and < 300 && exchange.Error is null;
        var key = MessageKey(context, exchange);
        var headers = KeptHeaders
            .Where(h => context.Request.Headers.ContainsKey(h))
            .ToDictionary(h => h, h => context.Request.Headers[h].ToString(), StringComparer.OrdinalIgnoreCase);
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, host.Options.MaxRecordedBodyChars * 4));
        if (text.Length > host.Options.MaxRecordedBodyChars)
        {
            text = text[..host.Options.MaxRecordedBodyChars];
        }
        host.Received.Add(seq => new ReceivedRequest(seq, at, exchange.Platform, exchange.Operation, exchange.Target, key, status,
            accepted, exchange.Error, fault, exchange.IsWrite, context.Request.ContentType, text, headers));
    }

    private static Task WriteFaultAsync(HttpContext context, EmulatorExchange exchange, FaultDecision decision)
    {
        var retryAfter = decision.Kind is FaultKind.RateLimit or FaultKind.Outage
            ? decision.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
        exchange.Error = decision.Kind switch
        {
            FaultKind.RateLimit => "ratelimited",
            FaultKind.Outage => "outage",
            _ => "injected_error",
        };
        if (decision.Kind == FaultKind.RateLimit && exchange.Platform == "slack-api")
        {
            return Http.JsonAsync(context, 429, new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, retryAfter);
        }
        return Http.TextAsync(context, decision.Status, decision.Kind == FaultKind.RateLimit ? "rate_limited" : "service unavailable (injected)", retryAfter);
    }

    private static string MessageKey(HttpContext context, EmulatorExchange exchange)
    {
        var id = context.Request.Headers[WebhookSigner.DeliveryIdHeader].ToString();
        if (id.Length == 0)
        {
            id = Convert.ToHexStringLower(SHA256.HashData(exchange.Body).AsSpan(0, 12));
        }
        return $"{exchange.Platform} {exchange.Operation} {id}";
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, CancellationToken.None);
        return buffer.ToArray();
    }
}
