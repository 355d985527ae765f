using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Custom;

/// <summary>
/// AWS Chatbot custom notifications: <c>version</c> "1.0", <c>source</c> "custom", <c>content.description</c>
/// required; optional title, next steps, keywords and metadata (thread id, summary, event type, related
/// resources, additional context). Slack-style markdown is converted to neutral markdown.
/// </summary>
internal sealed class CustomNotification : IEventType
{
    public string Name => "custom";

    public bool TryRecognize(ParsedPayload payload, [NotNullWhen(true)] out AwsEvent? awsEvent)
    {
        awsEvent = null;
        if (!payload.IsFrom("custom") || payload.Root.Str("version"u8) != "1.0" || payload.Root.Path("content"u8, "description"u8).Text() is null)
        {
            return false;
        }

        var metadata = payload.Root.Prop("metadata"u8);
        awsEvent = EventFactory.Create(payload, Name, SeverityOf(payload.Root), "custom", metadata.Str("eventType"u8) ?? "Custom Notification",
            resources: metadata.Strings("relatedResources"u8));
        return true;
    }

    public ChatMessage Render(AwsEvent awsEvent)
    {
        var root = awsEvent.Payload;
        var content = root.Prop("content"u8);
        var metadata = root.Prop("metadata"u8);
        var description = SlackMarkdown.ToNeutral(content.Str("description"u8));
        var title = SlackMarkdown.ToPlain(content.Str("title"u8) ?? metadata.Str("summary"u8) ?? content.Str("description"u8) ?? "Custom notification");
        var threadId = metadata.Str("threadId"u8);
        var builder = new MessageBuilder(awsEvent, title)
            .Summary(metadata.Str("summary"u8))
            .Section(null, description)
            .Section("Next steps", Bullets(content.Strings("nextSteps"u8)))
            .Field("Event type", metadata.Str("eventType"u8))
            .Thread(threadId is null ? null : "custom/" + threadId);
        foreach (var (name, value) in metadata.Prop("additionalContext"u8).Scalars())
        {
            builder.Field(name, value);
        }

        var resources = metadata.Strings("relatedResources"u8);
        if (resources.Count > 0)
        {
            builder.Section("Related resources", Md.Bullets(resources.Select(r => Md.Code(r)!)));
            foreach (var resource in resources.Take(3))
            {
                builder.Link(Arn.Parse(resource)?.ResourceName ?? resource, ConsoleLinks.ForArn(resource));
            }
        }

        foreach (var keyword in content.Strings("keywords"u8))
        {
            builder.Keywords(keyword);
        }

        return builder.Keywords("custom").Build();
    }

    private static string? Bullets(IReadOnlyList<string> items) =>
        items.Count == 0 ? null : Md.Bullets(items.Select(SlackMarkdown.ToNeutral));

    /// <summary>A priority or severity in the additional context or the keywords, when the publisher gave one.</summary>
    private static Severity SeverityOf(JsonElement root)
    {
        var context = root.Path("metadata"u8, "additionalContext"u8);
        var stated = context.Str("severity"u8) ?? context.Str("priority"u8);
        var candidates = stated is null ? root.Prop("content"u8).Strings("keywords"u8) : [stated];
        foreach (var candidate in candidates)
        {
            switch (candidate.ToUpperInvariant())
            {
                case "CRITICAL": return Severity.Critical;
                case "HIGH": return Severity.High;
                case "MEDIUM": return Severity.Medium;
                case "LOW": return Severity.Low;
                case "INFO" or "INFORMATIONAL": return Severity.Info;
                default: break;
            }
        }

        return Severity.Info;
    }
}
