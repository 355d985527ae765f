using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Execute.Output;
using Crowsnest.Messages;

namespace Crowsnest.Commands.Chat.Shortcuts.Invoke;

/// <summary>
/// The chat reply to <c>invoke</c>: status code, executed version and function error as fields, the payload as
/// pretty JSON (as a file when long), and the decoded log tail (the last 4 KB of the function's log).
/// </summary>
public static class LambdaInvokeReply
{
    /// <summary>The event type of the reply.</summary>
    public const string EventType = "command.reply";

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Renders the outcome of the <c>lambda invoke</c> call.</summary>
    public static ChatMessage Render(LambdaInvokeRequest request, AwsResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(result);
        if (result is AwsResult.Failure failure)
        {
            return new ChatMessage
            {
                EventType = EventType,
                Title = $"Invoking {request.FunctionName} failed",
                Severity = Severity.High,
                Summary = failure.PlainMessage,
                Region = request.Region,
            };
        }
        var output = ((AwsResult.Success)result).Output;
        var functionError = (string?)output["FunctionError"];
        var fields = new List<MessageField>
        {
            new("Status code", output["StatusCode"]?.ToJsonString() ?? "?"),
            new("Executed version", (string?)output["ExecutedVersion"] ?? "$LATEST"),
        };
        if (functionError is not null)
        {
            fields.Add(new MessageField("Function error", functionError));
        }
        var sections = new List<MessageSection>();
        var attachments = new List<MessageAttachment>();
        if ((string?)output["Payload"] is { Length: > 0 } payload)
        {
            var text = ChatOutput.From(PrettyJson(payload), limit: 2000, maxLines: 40);
            sections.Add(new MessageSection("Payload", Fence(text.Text)));
            if (text.Attachment is { } full)
            {
                attachments.Add(new MessageAttachment("payload.json", "application/json", full));
            }
        }
        if (DecodeLog((string?)output["LogResult"]) is { Length: > 0 } log)
        {
            var text = ChatOutput.From(log, limit: 2500, maxLines: 40);
            sections.Add(new MessageSection("Log tail", Fence(text.Text)));
            if (text.Attachment is { } full)
            {
                attachments.Add(new MessageAttachment("log-tail.txt", "text/plain", full));
            }
        }
        return new ChatMessage
        {
            EventType = EventType,
            Title = functionError is null ? $"Invoked {request.FunctionName}" : $"{request.FunctionName} returned an error",
            Severity = functionError is null ? Severity.Success : Severity.High,
            Fields = fields,
            Sections = sections,
            Attachments = attachments,
            Region = request.Region,
        };
    }

    /// <summary>The payload indented when it is JSON, as it is otherwise.</summary>
    public static string PrettyJson(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        try
        {
            return JsonNode.Parse(payload) is { } node ? node.ToJsonString(Pretty) : payload;
        }
        catch (JsonException)
        {
            return payload;
        }
    }

    /// <summary>The log tail Lambda returns base64-encoded; null when absent or not base64.</summary>
    public static string? DecodeLog(string? logResult)
    {
        if (string.IsNullOrEmpty(logResult))
        {
            return null;
        }
        var buffer = new byte[logResult.Length];
        return Convert.TryFromBase64String(logResult, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written).TrimEnd('\n') : null;
    }

    private static string Fence(string text) => "```\n" + text.Replace("```", "'''", StringComparison.Ordinal) + "\n```";
}
