using System.Net.Http.Headers;
using System.Text.Json;
using Crowsnest.Channels.Webhook;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels.Slack;

/// <summary>The answer of one Web API call: the classified result and, when <c>ok</c>, the body.</summary>
internal sealed record SlackAnswer(DeliveryResult Result, JsonElement Body)
{
    public bool Ok => Result is DeliveryResult.Delivered;

    public string? String(string name) => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

/// <summary>Calls Slack Web API methods with a bot token; every answer goes through <see cref="ResponseClassifier"/>.</summary>
internal sealed class SlackWebApi(HttpClient http, Uri apiBase, TimeProvider time)
{
    /// <summary>The real API.</summary>
    public static readonly Uri DefaultBase = new("https://slack.com/api/");

    public Task<SlackAnswer> JsonAsync(string method, string token, ReadOnlyMemory<byte> json, string? deliveryId, CancellationToken cancellationToken)
    {
        var content = new ReadOnlyMemoryContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return CallAsync(method, token, content, deliveryId, cancellationToken);
    }

    public Task<SlackAnswer> FormAsync(string method, string token, IEnumerable<KeyValuePair<string, string>> args, string? deliveryId, CancellationToken cancellationToken) =>
        CallAsync(method, token, new FormUrlEncodedContent(args), deliveryId, cancellationToken);

    /// <summary>POSTs raw bytes to an upload URL that <c>files.getUploadURLExternal</c> returned.</summary>
    public async Task<DeliveryResult> UploadAsync(string uploadUrl, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = new ReadOnlyMemoryContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ResponseClassifier.Classify((int)response.StatusCode, response.Headers, time.GetUtcNow());
        }
        catch (Exception ex) when (ResponseClassifier.TryClassifyException(ex, cancellationToken, out var result))
        {
            return result;
        }
    }

    private async Task<SlackAnswer> CallAsync(string method, string token, HttpContent content, string? deliveryId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (deliveryId is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSigner.DeliveryIdHeader, deliveryId);
        }
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var body = default(JsonElement);
            string? error = null;
            string? ts = null;
            if (response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                body = ParseOrDefault(bytes);
                if (body.ValueKind == JsonValueKind.Object)
                {
                    var ok = body.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
                    error = ok ? null : body.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? Code(e.GetString()) : "unknown_error";
                    ts = body.TryGetProperty("ts", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                }
            }
            else if (status is >= 200 and < 300)
            {
                error = "invalid_response";
            }
            return new SlackAnswer(ResponseClassifier.Classify(status, response.Headers, time.GetUtcNow(), error, ts), body);
        }
        catch (Exception ex) when (ResponseClassifier.TryClassifyException(ex, cancellationToken, out var result))
        {
            return new SlackAnswer(result, default);
        }
    }

    /// <summary>
    /// Slack's error codes are short snake_case words; anything else (a server echoing the request, a proxy's page) is
    /// not passed on, so no token or URL can reach a reason, a log line or the API.
    /// </summary>
    internal static string Code(string? error) =>
        error is { Length: > 0 and <= 64 } && error.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.') ? error : "unrecognized_error";

    private static JsonElement ParseOrDefault(byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
