using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Audit;

/// <summary>AWS KMS key events: rotation, imported key material expiration, scheduled deletion.</summary>
internal sealed class KmsEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "kms.event",
        Source = "aws.kms",
        Title = (d, e) => $"{e.DetailType}: key {d.Str("key-id"u8)}",
        SeverityByDetailType = new Dictionary<string, Severity>(StringComparer.Ordinal)
        {
            ["KMS Imported Key Material Expiration"] = Severity.High,
            ["KMS CMK Deletion"] = Severity.High,
            ["KMS CMK Rotation"] = Severity.Info,
        },
        Fields = [new("Key", "key-id")],
        Extra = (b, _, e) =>
        {
            var key = e.Resources.FirstOrDefault();
            b.Code("Key ARN", key, isShort: false);
        },
        Link = (d, e) => ("Key", ConsoleLinks.Service(e.Region, "kms/home", "#/kms/keys/" + d.Str("key-id"u8))),
        Keywords = ["kms"],
    };
}
