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
        Title = (d, _) => $"Macie: {d.Str("title"u8) ?? d.Str("name"u8) ?? d.Str("type"u8)}",
        Severity = d => (d.Path("severity"u8, "description"u8).Text() ?? string.Empty).ToUpperInvariant() switch
        {
            "HIGH" => Severity.High,
            "MEDIUM" => Severity.Medium,
            "LOW" => Severity.Low,
            _ => d.Num("risk-score"u8) switch
            {
                >= 8 and <= 10 => Severity.High,
                >= 70 => Severity.High,
                >= 40 => Severity.Medium,
                not null => Severity.Low,
                _ => Severity.Info,
            },
        },
        Summary = d => d.Str("description"u8) ?? d.Path("summary"u8, "Description"u8).Text(),
        Fields = [new("Type", "type"), new("Risk score", "risk-score"), new("Notification", "notification-type"), new("Actor", "actor", false)],
        Extra = (b, d, _) =>
        {
            var bucket = d.Path("resourcesAffected"u8, "s3Bucket"u8, "name"u8).Text();
            var key = d.Path("resourcesAffected"u8, "s3Object"u8, "key"u8).Text();
            b.Field("Severity", d.Path("severity"u8, "description"u8).Text())
                .Code("Object", bucket is null ? null : $"s3://{bucket}/{key}", isShort: false)
                .Field("Tags", string.Join(", ", d.Strings("tags"u8)))
                .Link("Alert", d.Str("url"u8));
        },
        Link = (_, e) => ("Macie findings", ConsoleLinks.Service(e.Region, "macie/home", "#findings")),
        ThreadKey = (d, _) => "macie/" + (d.Str("id"u8) ?? d.Str("alert-arn"u8)),
        Keywords = ["macie"],
    };
}
