using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Crowsnest.Notifications.Ingest;

/// <summary>
/// Turns any payload Crowsnest may be handed — an SNS HTTP envelope, a Lambda SNS event, an SQS event (also FIFO),
/// a bare EventBridge event, a bare CloudWatch alarm message, a custom notification, plain text, or a full HTTP
/// request as text — into notifications. Never throws for bad input: the result says why.
/// </summary>
public sealed class PayloadReader(TimeProvider time)
{
    private const int MaxDepth = 4;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };

    /// <summary>Reads a payload given as UTF-8 bytes (a leading BOM is ignored).</summary>
    public PayloadReadResult Read(ReadOnlySpan<byte> utf8)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            return PayloadReadResult.Invalid("not UTF-8 text");
        }

        return Read(text);
    }

    /// <summary>Reads a payload given as text.</summary>
    public PayloadReadResult Read(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = StripBom(content);
        if (HttpRequestText.TryParse(text, out var headers, out var body))
        {
            var inner = Read(body);
            return inner with { HttpHeaders = headers };
        }

        return ReadBody(text, depth: 0);
    }

    private PayloadReadResult ReadBody(string text, int depth)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty)
        {
            return PayloadReadResult.Invalid("empty payload");
        }

        if (trimmed.StartsWith("-----BEGIN ", StringComparison.Ordinal))
        {
            return PayloadReadResult.Invalid("a PEM block (certificate or key), not a notification");
        }

        if (trimmed[0] is not ('{' or '['))
        {
            return Single(TextNotification(text, NotificationSource.Webhook), null, PayloadShape.Text);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return PayloadReadResult.Invalid($"looks like JSON but does not parse: {ex.Message}");
        }

        try
        {
            return ReadDocument(document, text, depth);
        }
        catch (InvalidOperationException)
        {
            // A string that is not valid Unicode (a lone surrogate escape such as \ud800).
            return PayloadReadResult.Invalid("looks like JSON but a string in it is not valid Unicode");
        }
    }

    private PayloadReadResult ReadDocument(JsonDocument document, string text, int depth)
    {
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Single(TextNotification(text, NotificationSource.Webhook), null, PayloadShape.JsonMessage);
            }

            if (SnsEnvelope.TryRead(root) is { } envelope)
            {
                return Single(FromEnvelope(envelope, NotificationSource.Sns), envelope, PayloadShape.SnsEnvelope);
            }

            if (root.TryGetProperty("Records"u8, out var records) && records.ValueKind == JsonValueKind.Array && depth < MaxDepth)
            {
                var batch = ReadRecords(records, depth);
                if (batch is not null)
                {
                    return batch;
                }
            }

            var isEvent = HasString(root, "detail-type") || HasString(root, "detailType");
            var id = isEvent && root.TryGetProperty("id"u8, out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
            var notification = TextNotification(text, isEvent ? NotificationSource.EventBridge : NotificationSource.Webhook, id);
            return Single(notification, null, isEvent ? PayloadShape.EventBridgeEvent : PayloadShape.JsonMessage);
        }
    }

    private PayloadReadResult? ReadRecords(JsonElement records, int depth)
    {
        var items = new List<PayloadItem>();
        foreach (var record in records.EnumerateArray())
        {
            if (record.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (TryGet(record, "Sns", out var sns) && SnsEnvelope.TryRead(sns) is { } envelope)
            {
                items.Add(new PayloadItem(FromEnvelope(envelope, NotificationSource.Sns), envelope, PayloadShape.LambdaSnsEvent));
            }
            else if (TryGet(record, "body", out var body) && body.ValueKind == JsonValueKind.String)
            {
                var inner = ReadBody(body.GetString()!, depth + 1);
                if (!inner.IsValid)
                {
                    return PayloadReadResult.Invalid($"SQS record {items.Count}: {inner.Error}");
                }

                foreach (var item in inner.Items)
                {
                    var notification = item.Notification with { Source = NotificationSource.Sqs };
                    items.Add(new PayloadItem(notification, item.Envelope, PayloadShape.SqsEvent));
                }
            }
            else
            {
                // Records of another kind (S3 event notifications, CodeCommit triggers): the document is the message.
                return null;
            }
        }

        return items.Count == 0 ? null : new PayloadReadResult { Items = items };
    }

    internal Notification FromEnvelope(SnsEnvelope envelope, NotificationSource source) => new()
    {
        MessageId = envelope.MessageId ?? HashId(envelope.Message),
        Source = source,
        TopicArn = envelope.TopicArn,
        Subject = string.IsNullOrEmpty(envelope.Subject) ? null : envelope.Subject,
        Body = envelope.Message,
        Timestamp = DateTimeOffset.TryParse(envelope.Timestamp, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        ReceivedAt = time.GetUtcNow(),
        Attributes = envelope.MessageAttributes.Where(a => a.Value.Value is not null)
            .ToDictionary(a => a.Key, a => a.Value.Value!, StringComparer.Ordinal),
    };

    private Notification TextNotification(string body, NotificationSource source, string? id = null) => new()
    {
        MessageId = id ?? HashId(body),
        Source = source,
        Body = body,
        ReceivedAt = time.GetUtcNow(),
    };

    private static PayloadReadResult Single(Notification notification, SnsEnvelope? envelope, PayloadShape shape) =>
        new() { Items = [new PayloadItem(notification, envelope, shape)] };

    internal static string HashId(string body) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)).AsSpan(0, 16));

    private static bool HasString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String;

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(name) || property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string StripBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
}
