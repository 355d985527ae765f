using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Storage;

/// <summary>AWS Backup vault notifications on SNS: a sentence plus <c>EventType</c>/<c>State</c>/<c>Id</c> message attributes.</summary>
internal sealed class BackupNotification : TextEventType
{
    public override string Name => "backup.job";

    protected override bool Matches(ParsedPayload payload) =>
        payload.TextStartsWith("An AWS Backup ") || payload.TextStartsWith("An AWS Copy job") || payload.TextStartsWith("An AWS Restore job")
        || payload.Subject == "Notification from AWS Backup";

    protected override IReadOnlyDictionary<string, string> Read(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(". "))
        {
            var colon = part.IndexOf(" : ", StringComparison.Ordinal) is var c and >= 0 ? c : part.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && colon < 40)
            {
                fields[part[..colon].Trim()] = part[(colon + (part[colon] == ' ' ? 3 : 2))..].Trim().TrimEnd('.');
            }
        }

        fields["Sentence"] = text.Split(". ")[0].Trim().TrimEnd('.') + ".";
        return fields;
    }

    protected override (Severity, string, string, string?, string?, string?, IReadOnlyList<string>?) Describe(IReadOnlyDictionary<string, string> f, ParsedPayload payload)
    {
        var attributes = payload.Notification.Attributes;
        var state = attributes.GetValueOrDefault("State");
        var resource = Get(f, "Resource ARN");
        return (StatusSeverity.Of(state), "aws.backup", attributes.GetValueOrDefault("EventType") ?? "Backup notification",
            attributes.GetValueOrDefault("AccountId"), null, attributes.GetValueOrDefault("StartTime"), resource is null ? null : [resource]);
    }

    protected override ChatMessage Render(AwsEvent e, IReadOnlyDictionary<string, string> f)
    {
        var attributes = e.Notification.Attributes;
        var state = attributes.GetValueOrDefault("State");
        var id = attributes.GetValueOrDefault("Id") ?? Get(f, "BackupJob ID") ?? Get(f, "Copy Job Id");
        return new MessageBuilder(e, $"AWS Backup {e.DetailType?.Replace('_', ' ').ToLowerInvariant()} {state?.ToLowerInvariant()}".Trim())
            .Summary(Get(f, "Sentence"))
            .Field("State", state)
            .Code("Job", id)
            .Code("Resource", Get(f, "Resource ARN"), isShort: false)
            .Code("Recovery point", Get(f, "Recovery point ARN"), isShort: false)
            .Time("Started", attributes.GetValueOrDefault("StartTime"))
            .Link("Backup jobs", ConsoleLinks.Service(e.Region, "backup/home", "#/jobs"))
            .Thread(id is null ? null : "backup/" + id)
            .Update(id is null ? null : "backup/" + id)
            .Keywords("backup")
            .Build();
    }
}
