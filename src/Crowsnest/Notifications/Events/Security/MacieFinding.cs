using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Security;

/// <summary>Amazon Macie findings ("Macie Finding") and Macie Classic alerts ("Macie Alert").</summary>
internal sealed class MacieFinding() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "macie.finding",
        Source = "aws.macie",
        Title = (d, _) => $"Macie: {d.Str("title") ?? d.Str("name") ?? d.Str("type")}",
        Severity = d => (d.Path("severity", "description").Text() ?? string.Empty).ToUpperInvariant() switch
        {
            "HIGH" => Severity.High,
            "MEDIUM" => Severity.Medium,
            "LOW" => Severity.Low,
            _ => d.Num("risk-score") switch
            {
                >= 8 and <= 10 => Severity.High,
                >= 70 => Severity.High,
                >= 40 => Severity.Medium,
                not null => Severity.Low,
                _ => Severity.Info,
            },
        },
        Summary = d => d.Str("description") ?? d.Path("summary", "Description").Text(),
        Fields = [new("Type", "type"), new("Risk score", "risk-score"), new("Notification", "notification-type"), new("Actor", "actor", false)],
        Extra = (b, d, _) =>
        {
            var bucket = d.Path("resourcesAffected", "s3Bucket", "name").Text();
            var key = d.Path("resourcesAffected", "s3Object", "key").Text();
            b.Field("Severity", d.Path("severity", "description").Text())
                .Code("Object", bucket is null ? null : $"s3://{bucket}/{key}", isShort: false)
                .Field("Tags", string.Join(", ", d.Strings("tags")))
                .Link("Alert", d.Str("url"));
        },
        Link = (_, e) => ("Macie findings", ConsoleLinks.Service(e.Region, "macie/home", "#findings")),
        ThreadKey = (d, _) => "macie/" + (d.Str("id") ?? d.Str("alert-arn")),
        Keywords = ["macie"],
    };
}
