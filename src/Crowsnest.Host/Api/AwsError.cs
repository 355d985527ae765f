using System.Text.Json;
using Crowsnest.Configuration.Model;

namespace Crowsnest.Host.Api;

/// <summary>An AWS-shaped error answer: the error type (a model error shape name) and a message for users.</summary>
internal sealed record AwsError(string Type, string Message, int? Status = null)
{
    public static AwsError InvalidParameter(string message) => new("InvalidParameterException", message);

    public static AwsError InvalidRequest(string message) => new("InvalidRequestException", message);

    public static AwsError NotFound(string message) => new("ResourceNotFoundException", message);

    public static AwsError Conflict(string message) => new("ConflictException", message);

    /// <summary>
    /// Writes the error as the AWS SDKs parse it: <c>x-amzn-ErrorType</c> header, JSON body with <c>__type</c> and
    /// the message under both spellings the model uses (<c>message</c>, <c>Message</c>).
    /// </summary>
    public async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = Status ?? (ApiModel.Chatbot.HasShape(Type) ? ApiModel.Chatbot.ErrorStatus(Type) : 400);
        response.Headers["x-amzn-ErrorType"] = Type;
        response.Headers["x-amzn-RequestId"] = context.TraceIdentifier;
        response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(response.Body);
        writer.WriteStartObject();
        writer.WriteString("__type", Type);
        writer.WriteString("message", Message);
        writer.WriteString("Message", Message);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
