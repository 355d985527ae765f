using System.Text.Json;

namespace Crowsnest.Notifications.Ingest;

/// <summary>One SNS message attribute: its data type and value, as sent.</summary>
public sealed record SnsMessageAttribute(string? Type, string? Value);

/// <summary>
/// An SNS envelope (HTTP/HTTPS delivery, SQS delivery with raw delivery off, or the <c>Sns</c> object of a Lambda
/// event). Every field keeps its exact original string, because signature verification hashes those strings.
/// </summary>
/// <remarks>
/// Field names are matched case-insensitively: Lambda spells <c>SigningCertUrl</c> and <c>UnsubscribeUrl</c>,
/// HTTP delivery <c>SigningCertURL</c> and <c>UnsubscribeURL</c>. A <c>Message</c> that is a JSON object (as some
/// documentation shows it) is kept as its raw JSON text.
/// </remarks>
public sealed record SnsEnvelope
{
    /// <summary><c>Notification</c>, <c>SubscriptionConfirmation</c> or <c>UnsubscribeConfirmation</c>.</summary>
    public required string Type { get; init; }

    public string? MessageId { get; init; }

    public string? TopicArn { get; init; }

    public string? Subject { get; init; }

    /// <summary>The message text exactly as sent (or the raw JSON when the publisher's envelope held an object).</summary>
    public required string Message { get; init; }

    /// <summary>True when <see cref="Message"/> was a JSON value rather than a string in the envelope.</summary>
    public bool MessageWasJsonValue { get; init; }

    public string? Timestamp { get; init; }

    public string? SignatureVersion { get; init; }

    public string? Signature { get; init; }

    /// <summary>The signing certificate URL (<c>SigningCertURL</c> or <c>SigningCertUrl</c>).</summary>
    public string? SigningCertUrl { get; init; }

    public string? SubscribeUrl { get; init; }

    public string? Token { get; init; }

    /// <summary>The unsubscribe URL (<c>UnsubscribeURL</c> or <c>UnsubscribeUrl</c>).</summary>
    public string? UnsubscribeUrl { get; init; }

    /// <summary>FIFO topics only.</summary>
    public string? SequenceNumber { get; init; }

    public IReadOnlyDictionary<string, SnsMessageAttribute> MessageAttributes { get; init; } =
        new Dictionary<string, SnsMessageAttribute>(StringComparer.Ordinal);

    /// <summary>True for <c>SubscriptionConfirmation</c> and <c>UnsubscribeConfirmation</c>.</summary>
    public bool IsConfirmation =>
        Type.Equals("SubscriptionConfirmation", StringComparison.OrdinalIgnoreCase)
        || Type.Equals("UnsubscribeConfirmation", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the object looks like an SNS envelope: a <c>Type</c>, a <c>Message</c> and a topic or message id.</summary>
    public static bool LooksLikeEnvelope(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        bool type = false, message = false, ids = false;
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name.Equals("Type", StringComparison.OrdinalIgnoreCase))
            {
                type = property.Value.ValueKind == JsonValueKind.String;
            }
            else if (name.Equals("Message", StringComparison.OrdinalIgnoreCase))
            {
                message = true;
            }
            else if (name.Equals("TopicArn", StringComparison.OrdinalIgnoreCase) || name.Equals("MessageId", StringComparison.OrdinalIgnoreCase))
            {
                ids = true;
            }
        }

        return type && message && ids;
    }

    /// <summary>Reads an envelope; null when <paramref name="element"/> is not one.</summary>
    public static SnsEnvelope? TryRead(JsonElement element)
    {
        if (!LooksLikeEnvelope(element))
        {
            return null;
        }

        string? type = null, messageId = null, topicArn = null, subject = null, message = null, timestamp = null;
        string? signatureVersion = null, signature = null, certUrl = null, subscribeUrl = null, token = null;
        string? unsubscribeUrl = null, sequenceNumber = null;
        var messageWasJson = false;
        var attributes = new Dictionary<string, SnsMessageAttribute>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name.ToUpperInvariant())
            {
                case "TYPE": type = AsText(value); break;
                case "MESSAGEID": messageId = AsText(value); break;
                case "TOPICARN": topicArn = AsText(value); break;
                case "SUBJECT": subject = AsText(value); break;
                case "MESSAGE":
                    messageWasJson = value.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
                    message = AsText(value);
                    break;
                case "TIMESTAMP": timestamp = AsText(value); break;
                case "SIGNATUREVERSION": signatureVersion = AsText(value); break;
                case "SIGNATURE": signature = AsText(value); break;
                case "SIGNINGCERTURL": certUrl = AsText(value); break;
                case "SUBSCRIBEURL": subscribeUrl = AsText(value); break;
                case "TOKEN": token = AsText(value); break;
                case "UNSUBSCRIBEURL": unsubscribeUrl = AsText(value); break;
                case "SEQUENCENUMBER": sequenceNumber = AsText(value); break;
                case "MESSAGEATTRIBUTES": ReadAttributes(value, attributes); break;
                default: break;
            }
        }

        return new SnsEnvelope
        {
            Type = type ?? "Notification",
            MessageId = messageId,
            TopicArn = topicArn,
            Subject = subject,
            Message = message ?? string.Empty,
            MessageWasJsonValue = messageWasJson,
            Timestamp = timestamp,
            SignatureVersion = signatureVersion,
            Signature = signature,
            SigningCertUrl = certUrl,
            SubscribeUrl = subscribeUrl,
            Token = token,
            UnsubscribeUrl = unsubscribeUrl,
            SequenceNumber = sequenceNumber,
            MessageAttributes = attributes,
        };
    }

    private static void ReadAttributes(JsonElement value, Dictionary<string, SnsMessageAttribute> attributes)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var attribute in value.EnumerateObject())
        {
            string? type = null, text = null;
            if (attribute.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var part in attribute.Value.EnumerateObject())
                {
                    // SNS spells Type/Value; SQS spells DataType/StringValue/BinaryValue.
                    switch (part.Name.ToUpperInvariant())
                    {
                        case "TYPE" or "DATATYPE": type = AsText(part.Value); break;
                        case "VALUE" or "STRINGVALUE" or "BINARYVALUE": text ??= AsText(part.Value); break;
                        default: break;
                    }
                }
            }
            else
            {
                text = AsText(attribute.Value);
            }

            attributes[attribute.Name] = new SnsMessageAttribute(type, text);
        }
    }

    private static string? AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
