using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Crowsnest.Diagnostics;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Storage;

namespace Crowsnest.Notifications.Ingest.Sns;

/// <summary>
/// The SNS HTTP/S endpoint's logic: read the envelope (whatever the content type), refuse raw delivery, verify the
/// signature, refuse stale replays, then store a notification in the inbox (before it is acknowledged) or handle a
/// subscription message. Every outcome is a value; the host turns it into a status code.
/// </summary>
public sealed class SnsIntake(
    SnsSignatureVerifier verifier,
    SnsSubscriptionHandler subscriptions,
    IInboxStore inbox,
    IConfiguredTopics topics,
    PayloadReader reader,
    SnsTrustOptions options,
    CrowsnestMetrics metrics,
    TimeProvider time)
{
    /// <summary>The SNS maximum for a message (and its attributes): 256 KiB of UTF-8.</summary>
    public const int MaxMessageBytes = 262_144;

    /// <summary>The largest envelope read at all; a 256 KiB message can grow when escaped into JSON.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private const string RawDeliveryHint =
        "the body is not an SNS envelope: turn raw message delivery off on this subscription (RawMessageDelivery=false); Crowsnest verifies every message's signature, which raw delivery leaves out";

    private static readonly TimeSpan FutureSkew = TimeSpan.FromMinutes(15);

    /// <summary>Handles one POSTed body.</summary>
    /// <param name="body">The request body as received.</param>
    /// <param name="rawDeliveryHeader">The <c>x-amz-sns-rawdelivery</c> header, when present.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async ValueTask<IntakeResult> HandleAsync(ReadOnlyMemory<byte> body, string? rawDeliveryHeader, CancellationToken cancellationToken)
    {
        var result = await HandleCoreAsync(body, rawDeliveryHeader, cancellationToken);
        if (!result.Acknowledged)
        {
            metrics.IntakeRefused.Add(1, new TagList { { "endpoint", "sns" }, { "outcome", result.Outcome.ToString() } });
        }

        return result;
    }

    private async ValueTask<IntakeResult> HandleCoreAsync(ReadOnlyMemory<byte> body, string? rawDeliveryHeader, CancellationToken cancellationToken)
    {
        if (body.Length > MaxBodyBytes)
        {
            return new IntakeResult(IntakeOutcome.TooLarge, $"body over {MaxBodyBytes} bytes");
        }

        if (string.Equals(rawDeliveryHeader, "true", StringComparison.OrdinalIgnoreCase))
        {
            return Unsupported("raw-delivery", RawDeliveryHint);
        }

        var read = ReadEnvelope(body);
        if (read.Envelope is not { } envelope)
        {
            return read.Refusal!;
        }

        if (Encoding.UTF8.GetByteCount(envelope.Message) > MaxMessageBytes)
        {
            return new IntakeResult(IntakeOutcome.TooLarge, $"Message over the SNS maximum of {MaxMessageBytes} bytes");
        }

        var type = SnsMessageTypes.Parse(envelope.Type);
        if (type is null)
        {
            return Unsupported("unknown-type", $"unknown Type '{SnsStringToSign.Truncate(envelope.Type)}' (expected Notification, SubscriptionConfirmation or UnsubscribeConfirmation)");
        }

        if (MissingField(envelope, type.Value) is { } missing)
        {
            return IntakeResult.Invalid($"{missing} is missing");
        }

        var verdict = await verifier.VerifyAsync(envelope, cancellationToken);
        if (verdict.Outcome != SignatureOutcome.Valid)
        {
            return verdict.Outcome == SignatureOutcome.CertificateUnavailable
                ? IntakeResult.Unavailable(verdict.Reason!)
                : IntakeResult.Forbidden(verdict.Reason!);
        }

        if (StaleReason(envelope.Timestamp!) is { } stale)
        {
            return IntakeResult.Invalid(stale) with { MessageId = envelope.MessageId };
        }

        return type == SnsMessageType.Notification
            ? await AcceptAsync(envelope, cancellationToken)
            : await subscriptions.HandleAsync(envelope, type.Value, cancellationToken);
    }

    private async ValueTask<IntakeResult> AcceptAsync(SnsEnvelope envelope, CancellationToken cancellationToken)
    {
        var notification = reader.FromEnvelope(envelope, NotificationSource.Sns);
        var topic = envelope.TopicArn!;
        bool stored;
        try
        {
            stored = await inbox.AcceptAsync(notification, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            metrics.EventsThrottled.Add(1, new KeyValuePair<string, object?>("source", "sns"));
            return IntakeResult.Unavailable("the store cannot take the notification now") with { MessageId = notification.MessageId };
        }

        if (!stored)
        {
            metrics.IntakeDuplicates.Add(1, new KeyValuePair<string, object?>("source", "sns"));
            return new IntakeResult(IntakeOutcome.Duplicate, "already received", notification.MessageId);
        }

        metrics.EventsProcessed.Add(1, new TagList { { "source", "sns" }, { "topic", topic } });
        if (!topics.IsConfiguredNow(topic))
        {
            metrics.IntakeUnrouted.Add(1, new KeyValuePair<string, object?>("topic", topic));
            return new IntakeResult(IntakeOutcome.Accepted, "stored; no configuration names this topic", notification.MessageId);
        }

        return new IntakeResult(IntakeOutcome.Accepted, null, notification.MessageId);
    }

    private EnvelopeRead ReadEnvelope(ReadOnlyMemory<byte> body)
    {
        var span = body.Span;
        if (span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
            span = body.Span;
        }

        var trimmed = span.TrimStart(" \t\r\n"u8);
        if (trimmed.IsEmpty)
        {
            return EnvelopeRead.Refuse(IntakeResult.Invalid("empty body"));
        }

        if (trimmed[0] != (byte)'{')
        {
            return EnvelopeRead.Refuse(Unsupported("raw-delivery", RawDeliveryHint));
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return SnsEnvelope.TryRead(document.RootElement) is { } envelope
                ? new EnvelopeRead(envelope, null)
                : EnvelopeRead.Refuse(Unsupported("raw-delivery", RawDeliveryHint));
        }
        catch (JsonException)
        {
            return EnvelopeRead.Refuse(IntakeResult.Invalid("malformed JSON"));
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid Unicode (invalid UTF-8, a lone surrogate escape such as \ud800).
            return EnvelopeRead.Refuse(IntakeResult.Invalid("malformed JSON: a string is not valid Unicode"));
        }
    }

    private static string? MissingField(SnsEnvelope envelope, SnsMessageType type) =>
        envelope.MessageId is null ? "MessageId"
        : envelope.TopicArn is null ? "TopicArn"
        : envelope.Timestamp is null ? "Timestamp"
        : envelope.SignatureVersion is null ? "SignatureVersion"
        : envelope.Signature is null ? "Signature"
        : envelope.SigningCertUrl is null ? "SigningCertURL"
        : type != SnsMessageType.Notification && envelope.SubscribeUrl is null ? "SubscribeURL"
        : type != SnsMessageType.Notification && envelope.Token is null ? "Token"
        : null;

    private string? StaleReason(string timestamp)
    {
        // SNS writes the strict ISO form; the general parser stays as the fallback for anything else it accepted.
        if (!IsoTimestamp.TryParse(timestamp, out var at)
            && !DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
        {
            return "Timestamp is not an ISO-8601 time";
        }

        var now = time.GetUtcNow();
        if (at > now + FutureSkew)
        {
            return "Timestamp is in the future";
        }

        return options.MaxMessageAge > TimeSpan.Zero && at < now - options.MaxMessageAge
            ? $"Timestamp is older than {options.MaxMessageAge.TotalHours:0.##} h: refused as a replay"
            : null;
    }

    private IntakeResult Unsupported(string reason, string message)
    {
        metrics.UnsupportedEvents.Add(1, new TagList { { "source", "sns" }, { "reason", reason } });
        return IntakeResult.Invalid(message);
    }

    private sealed record EnvelopeRead(SnsEnvelope? Envelope, IntakeResult? Refusal)
    {
        public static EnvelopeRead Refuse(IntakeResult refusal) => new(null, refusal);
    }
}
