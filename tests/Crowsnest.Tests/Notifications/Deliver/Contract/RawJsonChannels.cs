using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Channels.Webhook;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Tests.Notifications.Deliver.Contract;

/// <summary>
/// Minimal adapters that post raw JSON, standing in for the real renderers' adapters so the contract suite can be
/// proven to run. They show the expected shape: build, send, read the platform's code, let <see cref="ResponseClassifier"/> decide.
/// </summary>
internal sealed class RawSlackApiChannel(HttpClient http, TimeProvider time) : IChatChannel
{
    public ChatTargetKind Kind => ChatTargetKind.SlackApi;

    public async Task<DeliveryResult> SendAsync(ChatTarget target, ChatMessage message, DeliveryContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var update = context.ReplaceMessageId is not null;
        var body = new JsonObject { ["channel"] = target.ChannelId, ["text"] = $"{message.Title}\n{message.Summary}" };
        if (update)
        {
            body["ts"] = context.ReplaceMessageId;
        }
        else if (context.ThreadParentId is not null)
        {
            body["thread_ts"] = context.ThreadParentId;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.ApiBaseUrl!, update ? "chat.update" : "chat.postMessage"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.Token);
        RawJson.AddDeliveryId(request, context);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            string? error = null;
            string? ts = null;
            if (response.IsSuccessStatusCode && RawJson.TryParse(text) is { } json)
            {
                error = json["ok"]?.GetValueKind() == JsonValueKind.True ? null : json["error"]?.ToString() ?? "invalid_response";
                ts = json["ts"]?.ToString();
            }
            else if (response.IsSuccessStatusCode)
            {
                error = "invalid_response";
            }
            return ResponseClassifier.Classify((int)response.StatusCode, response.Headers, time.GetUtcNow(), error, ts);
        }
        catch (Exception e) when (ResponseClassifier.TryClassifyException(e, cancellationToken, out var result))
        {
            return result;
        }
    }
}

/// <summary>A raw adapter for the webhook kinds: Slack incoming webhook, Teams Workflows, Chime, generic (signed).</summary>
internal sealed class RawWebhookChannel(ChatTargetKind kind, HttpClient http, TimeProvider time) : IChatChannel
{
    public ChatTargetKind Kind => kind;

    public async Task<DeliveryResult> SendAsync(ChatTarget target, ChatMessage message, DeliveryContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = $"{message.Title}\n{message.Summary}";
        JsonNode body = kind switch
        {
            ChatTargetKind.SlackWebhook => new JsonObject { ["text"] = text },
            ChatTargetKind.ChimeWebhook => new JsonObject { ["Content"] = text },
            ChatTargetKind.TeamsWebhook => JsonNode.Parse($$$"""
                {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
                 "content":{"type":"AdaptiveCard","version":"1.4","body":[{"type":"TextBlock","text":{{{JsonValue.Create(text).ToJsonString()}}},"wrap":true}]}}]}
                """)!,
            _ => new JsonObject { ["eventType"] = message.EventType, ["title"] = message.Title, ["summary"] = message.Summary },
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, target.WebhookUrl) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        RawJson.AddDeliveryId(request, context);
        if (target.SigningSecret is { } secret)
        {
            var (timestamp, signature) = WebhookSigner.Sign(secret, bytes, time.GetUtcNow());
            request.Headers.Add(WebhookSigner.TimestampHeader, timestamp);
            request.Headers.Add(WebhookSigner.SignatureHeader, signature);
        }
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            return ResponseClassifier.Classify((int)response.StatusCode, response.Headers, time.GetUtcNow(),
                response.IsSuccessStatusCode ? null : answer);
        }
        catch (Exception e) when (ResponseClassifier.TryClassifyException(e, cancellationToken, out var result))
        {
            return result;
        }
    }
}

internal static class RawJson
{
    public static void AddDeliveryId(HttpRequestMessage request, DeliveryContext context)
    {
        if (context.DeliveryId is not null)
        {
            request.Headers.Add(WebhookSigner.DeliveryIdHeader, context.DeliveryId);
        }
    }

    public static JsonObject? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
