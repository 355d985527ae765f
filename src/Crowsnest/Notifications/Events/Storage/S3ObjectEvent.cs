using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Storage;

/// <summary>Amazon S3 object events: EventBridge (<c>Object Created</c>, <c>Object Deleted</c>, ...) and S3 event notifications (<c>Records[].eventSource</c> <c>aws:s3</c>).</summary>
internal sealed class S3ObjectEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "s3.object",
        Source = "aws.s3",
        DetailTypes = ["Object Created", "Object Deleted", "Object Restore Initiated", "Object Restore Completed", "Object Restore Expired",
            "Object Tags Added", "Object Tags Deleted", "Object ACL Updated", "Object Storage Class Changed", "Object Access Tier Changed"],
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.FirstItem("Records"u8).Str("eventSource"u8) == "aws:s3",
        Title = (d, e) => Record(d) is { ValueKind: JsonValueKind.Object } r
            ? $"S3 {r.Str("eventName"u8)}: s3://{r.Path("s3"u8, "bucket"u8, "name"u8).Text()}/{r.Path("s3"u8, "object"u8, "key"u8).Text()}"
            : $"S3 {e.DetailType}: s3://{d.Path("bucket"u8, "name"u8).Text()}/{d.Path("object"u8, "key"u8).Text()}",
        Severity = d => Record(d).Str("eventName"u8)?.Contains("Failed", StringComparison.OrdinalIgnoreCase) == true ? Severity.High : Severity.Info,
        Fields = [new("Reason", "reason"), new("Deletion", "deletion-type"), new("Requester", "requester"), new("Source IP", "source-ip-address")],
        Extra = (b, d, _) =>
        {
            var r = Record(d);
            b.Field("Size (bytes)", d.Path("object"u8, "size"u8).Text() ?? r.Path("s3"u8, "object"u8, "size"u8).Text())
                .Field("Failure", r.Path("replicationEventData"u8, "failureReason"u8).Text())
                .Field("Replication rule", r.Path("replicationEventData"u8, "replicationRuleId"u8).Text())
                .Time("Time", r.Str("eventTime"u8));
        },
        Link = (d, e) => ("Bucket", $"https://s3.console.aws.amazon.com/s3/buckets/{d.Path("bucket"u8, "name"u8).Text() ?? Record(d).Path("s3"u8, "bucket"u8, "name"u8).Text()}"),
        Origin = d => (null, Record(d).Str("awsRegion"u8), Record(d).Str("eventTime"u8)),
        Keywords = ["s3"],
    };

    private static JsonElement Record(JsonElement d) => d.FirstItem("Records"u8);
}
