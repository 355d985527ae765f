using System.Net.Http.Headers;
using Crowsnest.Channels.Webhook;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels;

/// <summary>
/// The one way webhook adapters post: the rendered body with the delivery id header, the answer classified by
/// <see cref="ResponseClassifier"/>, transport failures classified, the caller's cancellation rethrown.
/// </summary>
internal static class ChannelHttp
{
    /// <summary>Posts <paramref name="payload"/> to <paramref name="url"/> and classifies the answer.</summary>
    public static async Task<DeliveryResult> PostAsync(HttpClient http, string url, RenderedPayload payload, DeliveryContext context,
        TimeProvider time, CancellationToken cancellationToken, Action<HttpRequestMessage>? decorate = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ReadOnlyMemoryContent(payload.Body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(payload.ContentType);
        if (context.DeliveryId is { } id)
        {
            request.Headers.TryAddWithoutValidation(WebhookSigner.DeliveryIdHeader, id);
        }
        decorate?.Invoke(request);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            // A 2xx body ("ok", "1") is not an error; a failure's plain-text body may be the platform's error code.
            var error = status is >= 200 and < 300 ? null : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return ResponseClassifier.Classify(status, response.Headers, time.GetUtcNow(), error);
        }
        catch (Exception ex) when (ResponseClassifier.TryClassifyException(ex, cancellationToken, out var result))
        {
            return result;
        }
    }

    /// <summary>The secret-free failure text for an adapter that was handed the wrong kind of target.</summary>
    public static DeliveryResult WrongTarget(ChatTarget target, ChatTargetKind expected) =>
        new DeliveryResult.Permanent($"target {target.Key} is not a {expected.ToWireName()} target");
}
