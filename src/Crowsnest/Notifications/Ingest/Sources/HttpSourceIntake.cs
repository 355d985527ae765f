using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Crowsnest.Diagnostics;
using Crowsnest.Storage;

namespace Crowsnest.Notifications.Ingest.Sources;

/// <summary>
/// Intake for EventBridge API destinations (<c>POST /events</c>) and generic webhooks (<c>POST /webhooks/{id}</c>):
/// authenticate the caller against its source definition, check the body is JSON, store it in the inbox.
/// </summary>
public sealed class HttpSourceIntake(SourceDirectory sources, IInboxStore inbox, CrowsnestMetrics metrics, TimeProvider time)
{
    /// <summary>The largest body taken.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>An EventBridge call; <paramref name="sourceId"/> narrows it to one source, else any source whose credentials match.</summary>
    public async ValueTask<IntakeResult> HandleEventAsync(string? sourceId, Func<string, string?> header, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var all = await sources.EventSourcesAsync(cancellationToken);
        EventSourceDefinition? matched = null;
        foreach (var source in all)
        {
            if ((sourceId is null || source.Id == sourceId) && SourceAuthenticator.Check(source, header))
            {
                matched = source;
                break;
            }
        }

        if (matched is null)
        {
            return Refused("events", new IntakeResult(IntakeOutcome.Unauthenticated, "missing or wrong API key or basic credentials"));
        }

        return await StoreAsync("events", NotificationSource.EventBridge, matched.Id, header, body, cancellationToken);
    }

    /// <summary>A webhook call.</summary>
    public async ValueTask<IntakeResult> HandleWebhookAsync(string id, Func<string, string?> header, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var source = await sources.WebhookAsync(id, cancellationToken);
        if (source is null || !SourceAuthenticator.Check(source, header, body.Span, time.GetUtcNow()))
        {
            // The same answer for an unknown id and a wrong secret: ids are not to be discovered this way.
            return Refused("webhooks", new IntakeResult(IntakeOutcome.Unauthenticated, "unknown webhook or wrong token or signature"));
        }

        return await StoreAsync("webhooks", NotificationSource.Webhook, source.Id, header, body, cancellationToken);
    }

    private async ValueTask<IntakeResult> StoreAsync(string endpoint, NotificationSource kind, string sourceId, Func<string, string?> header, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        if (body.Length > MaxBodyBytes)
        {
            return Refused(endpoint, new IntakeResult(IntakeOutcome.TooLarge, $"body over {MaxBodyBytes} bytes"));
        }

        string? eventId;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body.Span);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Refused(endpoint, IntakeResult.Invalid("the body must be a JSON object"));
            }

            eventId = document.RootElement.TryGetProperty("id"u8, out var id) && id.ValueKind == JsonValueKind.String
                && document.RootElement.TryGetProperty("detail-type"u8, out _) ? id.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            return Refused(endpoint, IntakeResult.Invalid("malformed JSON"));
        }

        // An EventBridge event's id is its identity wherever it arrives from; other calls may name their own key.
        var key = eventId ?? (header("Idempotency-Key") is { Length: > 0 and <= 200 } given ? $"{endpoint}:{sourceId}:{given}" : $"{endpoint}:{sourceId}:{Guid.NewGuid():N}");
        var notification = new Notification
        {
            MessageId = key,
            Source = kind,
            SourceKey = sourceId,
            Body = text,
            ReceivedAt = time.GetUtcNow(),
        };
        try
        {
            if (!await inbox.AcceptAsync(notification, cancellationToken))
            {
                metrics.IntakeDuplicates.Add(1, new KeyValuePair<string, object?>("source", endpoint));
                return new IntakeResult(IntakeOutcome.Duplicate, "already received", key);
            }
        }
        catch (StoreUnavailableException)
        {
            metrics.EventsThrottled.Add(1, new KeyValuePair<string, object?>("source", endpoint));
            return Refused(endpoint, IntakeResult.Unavailable("the store cannot take the notification now"));
        }

        metrics.EventsProcessed.Add(1, new TagList { { "source", endpoint }, { "topic", sourceId } });
        return new IntakeResult(IntakeOutcome.Accepted, null, key);
    }

    private IntakeResult Refused(string endpoint, IntakeResult result)
    {
        metrics.IntakeRefused.Add(1, new TagList { { "endpoint", endpoint }, { "outcome", result.Outcome.ToString() } });
        return result;
    }
}
