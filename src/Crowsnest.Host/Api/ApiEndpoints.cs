using System.Text.Json;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Model;
using Crowsnest.Host.Api.Auth;
using Crowsnest.Host.Api.Chatbot;
using Crowsnest.Host.Api.Admin;

namespace Crowsnest.Host.Api;

/// <summary>
/// Maps every operation of the AWS Chatbot API (at the model's request URIs) and Crowsnest's own operations
/// (<c>POST /crowsnest/...</c>): read the JSON input, validate it against the model listing every error, run the
/// handler, answer with the model's success status or an AWS-shaped error.
/// </summary>
internal static partial class ApiEndpoints
{
    public static void Map(WebApplication app)
    {
        var handlers = new Dictionary<string, ApiHandler>(StringComparer.Ordinal);
        ChatbotOperations.Register(handlers, app.Services);
        foreach (var operation in ApiModel.Chatbot.Operations)
        {
            if (!handlers.TryGetValue(operation.Name, out var handler))
            {
                throw new InvalidOperationException($"No handler for the AWS Chatbot operation {operation.Name}.");
            }
            app.MapPost(operation.RequestUri, context => RunAsync(context, operation, handler));
        }
        foreach (var (name, uri, handler) in CrowsnestOperations.All(app.Services))
        {
            var operation = new ApiOperation(name, uri, 200, null, null, ["InvalidParameterException", "ResourceNotFoundException", "ConflictException"]);
            app.MapPost(uri, context => RunAsync(context, operation, handler));
        }
    }

    private static async Task RunAsync(HttpContext context, ApiOperation operation, ApiHandler handler)
    {
        var body = ApiAuthentication.BodyOf(context);
        JsonDocument input;
        try
        {
            // A property given twice is refused: which of the two values was meant cannot be told.
            input = body.Length == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(body, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            await new AwsError("SerializationException", $"The request body is not valid JSON ({e.Message})", 400).WriteAsync(context);
            return;
        }
        using (input)
        {
            if (input.RootElement.ValueKind != JsonValueKind.Object)
            {
                await new AwsError("SerializationException", "The request body must be a JSON object.", 400).WriteAsync(context);
                return;
            }
            if (!DecodesAsUnicode(input.RootElement))
            {
                await new AwsError("SerializationException", "The request body holds a string that is not valid Unicode.", 400).WriteAsync(context);
                return;
            }
            if (operation.InputShape is { } shape)
            {
                var errors = ModelValidator.Chatbot.Validate(shape, input.RootElement);
                if (errors.Count > 0)
                {
                    await new AwsError(ValidationErrorType(operation), ValidationError.Describe(errors)).WriteAsync(context);
                    return;
                }
            }
            var call = new ApiCall(operation.Name, input.RootElement, ApiAuthentication.ActorOf(context), context.TraceIdentifier, context.RequestAborted);
            ApiOutcome outcome;
            try
            {
                outcome = await handler(call);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailure(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Crowsnest.Host.Api"), e, operation.Name, context.TraceIdentifier);
                outcome = new AwsError("InternalServiceError", $"An internal error occurred (correlation id {context.TraceIdentifier}).", 500);
            }
            if (outcome.Error is not null)
            {
                await outcome.Error.WriteAsync(context);
                return;
            }
            context.Response.StatusCode = operation.SuccessStatus;
            context.Response.Headers["x-amzn-RequestId"] = context.TraceIdentifier;
            if (operation.SuccessStatus != StatusCodes.Status204NoContent)
            {
                context.Response.ContentType = "application/json";
                await using var writer = new Utf8JsonWriter(context.Response.Body);
                outcome.Output!.WriteTo(writer);
            }
        }
    }

    /// <summary>False when a name or string is invalid UTF-8 or a lone surrogate escape (reading it would throw).</summary>
    private static bool DecodesAsUnicode(JsonElement element)
    {
        try
        {
            Walk(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        static void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in e.EnumerateObject())
                    {
                        _ = property.Name;
                        Walk(property.Value);
                    }
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }
                    break;
                case JsonValueKind.String:
                    _ = e.GetString();
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The error type a validation failure answers with: one the operation's model lists.</summary>
    public static string ValidationErrorType(ApiOperation operation) =>
        operation.Errors.Contains("InvalidParameterException") ? "InvalidParameterException" : "InvalidRequestException";

    [LoggerMessage(Level = LogLevel.Error, Message = "API operation {Operation} failed (correlation id {CorrelationId}).")]
    private static partial void LogFailure(ILogger logger, Exception exception, string operation, string correlationId);
}
