using Crowsnest.Notifications.Ingest;

namespace Crowsnest.Host.Endpoints;

/// <summary>Turns intake outcomes into HTTP answers and logs every refusal (reasons never hold secrets).</summary>
internal static partial class IntakeResponses
{
    public static IResult ToResult(IntakeResult result, string endpoint, HttpContext context, ILogger logger)
    {
        var status = result.Outcome switch
        {
            IntakeOutcome.TooLarge => StatusCodes.Status413PayloadTooLarge,
            IntakeOutcome.Invalid => StatusCodes.Status400BadRequest,
            IntakeOutcome.Forbidden => StatusCodes.Status403Forbidden,
            IntakeOutcome.Unauthenticated => StatusCodes.Status401Unauthorized,
            IntakeOutcome.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status200OK,
        };
        if (status == StatusCodes.Status200OK)
        {
            return Results.Text(result.Outcome == IntakeOutcome.Duplicate ? "duplicate\n" : "ok\n");
        }
        LogRefused(logger, endpoint, status, result.Outcome, result.Reason, result.MessageId, context.Connection.RemoteIpAddress?.ToString());
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"crowsnest\"";
        }
        return Results.Text($"{result.Reason}\n", statusCode: status);
    }

    public static IResult TooLarge(string endpoint, int limit, HttpContext context, ILogger logger) =>
        ToResult(new IntakeResult(IntakeOutcome.TooLarge, $"body over {limit} bytes"), endpoint, context, logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Endpoint} refused with {Status} ({Outcome}): {Reason} [message {MessageId}, from {Remote}]")]
    private static partial void LogRefused(ILogger logger, string endpoint, int status, IntakeOutcome outcome, string? reason, string? messageId, string? remote);
}
