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
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Items("Records").FirstOrDefault().Str("eventSource") == "aws:s3",
        Title = (d, e) => Record(d) is { ValueKind: JsonValueKind.Object } r
            ? $"S3 {r.Str("eventName")}: s3://{r.Path("s3", "bucket", "name").Text()}/{r.Path("s3", "object", "key").Text()}"
            : $"S3 {e.DetailType}: s3://{d.Path("bucket", "name").Text()}/{d.Path("object", "key").Text()}",
        Severity = d => Record(d).Str("eventName")?.Contains("Failed", StringComparison.OrdinalIgnoreCase) == true ? Severity.High : Severity.Info,
        Fields = [new("Reason", "reason"), new("Deletion", "deletion-type"), new("Requester", "requester"), new("Source IP", "source-ip-address")],
        Extra = (b, d, _) =>
        {
            var r = Record(d);
            b.Field("Size (bytes)", d.Path("object", "size").Text() ?? r.Path("s3", "object", "size").Text())
                .Field("Failure", r.Path("replicationEventData", "failureReason").Text())
                .Field("Replication rule", r.Path("replicationEventData", "replicationRuleId").Text())
                .Time("Time", r.Str("eventTime"));
        },
        Link = (d, e) => ("Bucket", $"https://s3.console.aws.amazon.com/s3/buckets/{d.Path("bucket", "name").Text() ?? Record(d).Path("s3", "bucket", "name").Text()}"),
        Origin = d => (null, Record(d).Str("awsRegion"), Record(d).Str("eventTime")),
        Keywords = ["s3"],
    };

    private static JsonElement Record(JsonElement d) => d.Items("Records").FirstOrDefault();
}
