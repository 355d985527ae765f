using Crowsnest.Diagnostics;
using Crowsnest.Notifications.Ingest.Sns;

namespace Crowsnest.Host.Endpoints;

/// <summary><c>POST /sns</c>: the SNS HTTP/S subscription endpoint (any content type; SNS posts text/plain).</summary>
internal static class SnsEndpoint
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/sns", async (HttpContext context, SnsIntake intake, CrowsnestMetrics metrics, ILoggerFactory logs) =>
        {
            var logger = logs.CreateLogger("Crowsnest.Intake.Sns");
            using var body = await RequestBody.ReadAsync(context.Request, SnsIntake.MaxBodyBytes, context.RequestAborted);
            if (body.TooLarge)
            {
                metrics.IntakeRefused.Add(1, new KeyValuePair<string, object?>("endpoint", "sns"), new KeyValuePair<string, object?>("outcome", "TooLarge"));
                return IntakeResponses.TooLarge("/sns", SnsIntake.MaxBodyBytes, context, logger);
            }
            var raw = context.Request.Headers["x-amz-sns-rawdelivery"].ToString();
            var result = await intake.HandleAsync(body.Memory, raw.Length == 0 ? null : raw, context.RequestAborted);
            return IntakeResponses.ToResult(result, "/sns", context, logger);
        });
    }
}
