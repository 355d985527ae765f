using System.Text.Json.Nodes;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.TestKit.Teams;

/// <summary>
/// Checks the body a Workflows webhook expects:
/// <c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.x","body":[…]}}]}</c>.
/// Returns null when valid, else an error code and message.
/// </summary>
public static class AdaptiveCardEnvelope
{
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";

    public static (string Code, string Message)? Check(JsonNode? root, TeamsEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (root is not JsonObject message)
        {
            return ("InvalidRequestContent", "The request body must be a JSON object.");
        }
        if (BlockKitValidator.Str(message, "@type") == "MessageCard")
        {
            return ("MessageCardNotSupported", "Workflows post Adaptive Cards only; legacy MessageCard is not supported.");
        }
        if (BlockKitValidator.Str(message, "type") != "message")
        {
            return ("InvalidMessage", "The body's type must be \"message\".");
        }
        if (message["attachments"] is not JsonArray { Count: > 0 } attachments)
        {
            return ("InvalidMessage", "The message must have at least one attachment.");
        }
        foreach (var item in attachments)
        {
            var attachment = item as JsonObject;
            if (BlockKitValidator.Str(attachment, "contentType") != CardContentType)
            {
                return ("InvalidAttachment", $"Each attachment's contentType must be {CardContentType}.");
            }
            if (attachment!["content"] is not JsonObject card || BlockKitValidator.Str(card, "type") != "AdaptiveCard")
            {
                return ("InvalidCard", "The attachment's content must be an AdaptiveCard.");
            }
            if (!Version.TryParse(BlockKitValidator.Str(card, "version"), out var version))
            {
                return ("InvalidCard", "The card must state its version.");
            }
            if (version > options.MaxCardVersion)
            {
                return ("UnsupportedCardVersion", $"Card version {version} is newer than {options.MaxCardVersion}.");
            }
            if (card["body"] is { } body && body is not JsonArray)
            {
                return ("InvalidCard", "The card's body must be an array.");
            }
            if (options.Strict && card.ToJsonString().Contains("\"Action.Submit\"", StringComparison.Ordinal))
            {
                return ("UnsupportedAction", "Action.Submit is not supported in cards posted by webhooks.");
            }
        }
        return null;
    }
}
