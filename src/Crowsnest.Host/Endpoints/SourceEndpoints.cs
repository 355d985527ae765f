using Crowsnest.Diagnostics;
using Crowsnest.Notifications.Ingest.Sources;

namespace Crowsnest.Host.Endpoints;

/// <summary>
/// <c>POST /events</c> and <c>POST /events/{source}</c> (EventBridge API destinations, API key or basic auth) and
/// <c>POST /webhooks/{id}</c> (token header or HMAC signature).
/// </summary>
internal static class SourceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/events", (HttpContext context, HttpSourceIntake intake, CrowsnestMetrics metrics, ILoggerFactory logs) =>
            EventsAsync(null, context, intake, metrics, logs));
        app.MapPost("/events/{source}", (string source, HttpContext context, HttpSourceIntake intake, CrowsnestMetrics metrics, ILoggerFactory logs) =>
            EventsAsync(source, context, intake, metrics, logs));
        app.MapPost("/webhooks/{id}", async (string id, HttpContext context, HttpSourceIntake intake, CrowsnestMetrics metrics, ILoggerFactory logs) =>
        {
            var logger = logs.CreateLogger("Crowsnest.Intake.Webhooks");
            using var body = await RequestBody.ReadAsync(context.Request, HttpSourceIntake.MaxBodyBytes, context.RequestAborted);
            if (body.TooLarge)
            {
                Count(metrics, "webhooks");
                return IntakeResponses.TooLarge("/webhooks", HttpSourceIntake.MaxBodyBytes, context, logger);
            }
            var result = await intake.HandleWebhookAsync(id, Header(context), body.Memory, context.RequestAborted);
            return IntakeResponses.ToResult(result, "/webhooks", context, logger);
        });
    }

    private static async Task<IResult> EventsAsync(string? source, HttpContext context, HttpSourceIntake intake, CrowsnestMetrics metrics, ILoggerFactory logs)
    {
        var logger = logs.CreateLogger("Crowsnest.Intake.Events");
        using var body = await RequestBody.ReadAsync(context.Request, HttpSourceIntake.MaxBodyBytes, context.RequestAborted);
        if (body.TooLarge)
        {
            Count(metrics, "events");
            return IntakeResponses.TooLarge("/events", HttpSourceIntake.MaxBodyBytes, context, logger);
        }
        var result = await intake.HandleEventAsync(source, Header(context), body.Memory, context.RequestAborted);
        return IntakeResponses.ToResult(result, "/events", context, logger);
    }

    private static Func<string, string?> Header(HttpContext context) =>
        name => context.Request.Headers.TryGetValue(name, out var value) ? value.ToString() : null;

    private static void Count(CrowsnestMetrics metrics, string endpoint) =>
        metrics.IntakeRefused.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint), new KeyValuePair<string, object?>("outcome", "TooLarge"));
}
