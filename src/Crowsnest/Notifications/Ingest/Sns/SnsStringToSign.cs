using System.Text;

namespace Crowsnest.Notifications.Ingest.Sns;

/// <summary>
/// The string SNS signs: <c>Name\nvalue\n</c> for each signed field in byte order, built from the exact strings
/// received. Notifications sign Message, MessageId, Subject (only when present), Timestamp, TopicArn, Type;
/// (un)subscription confirmations sign Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type.
/// </summary>
public static class SnsStringToSign
{
    /// <summary>Builds the string to sign, or explains which signed field is missing or which type is unknown.</summary>
    public static StringToSignResult Build(SnsEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var kind = SnsMessageTypes.Parse(envelope.Type);
        if (kind is null)
        {
            return StringToSignResult.Fail($"unknown message Type '{Truncate(envelope.Type)}'");
        }

        var builder = new StringBuilder(envelope.Message.Length + 512);
        if (!Append(builder, "Message", envelope.Message) || !Append(builder, "MessageId", envelope.MessageId))
        {
            return StringToSignResult.Fail("MessageId is missing");
        }

        if (kind == SnsMessageType.Notification)
        {
            if (envelope.Subject is not null)
            {
                Append(builder, "Subject", envelope.Subject);
            }

            return Append(builder, "Timestamp", envelope.Timestamp)
                && Append(builder, "TopicArn", envelope.TopicArn)
                && Append(builder, "Type", envelope.Type)
                ? StringToSignResult.Ok(builder.ToString())
                : StringToSignResult.Fail("Timestamp or TopicArn is missing");
        }

        return Append(builder, "SubscribeURL", envelope.SubscribeUrl)
            && Append(builder, "Timestamp", envelope.Timestamp)
            && Append(builder, "Token", envelope.Token)
            && Append(builder, "TopicArn", envelope.TopicArn)
            && Append(builder, "Type", envelope.Type)
            ? StringToSignResult.Ok(builder.ToString())
            : StringToSignResult.Fail("SubscribeURL, Timestamp, Token or TopicArn is missing");
    }

    private static bool Append(StringBuilder builder, string name, string? value)
    {
        if (value is null)
        {
            return false;
        }

        builder.Append(name).Append('\n').Append(value).Append('\n');
        return true;
    }

    internal static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

/// <summary>The string to sign, or why it cannot be built.</summary>
/// <param name="Text">The string to sign; null on failure.</param>
/// <param name="Error">Why it cannot be built; null on success.</param>
public sealed record StringToSignResult(string? Text, string? Error)
{
    internal static StringToSignResult Ok(string text) => new(text, null);

    internal static StringToSignResult Fail(string error) => new(null, error);
}
