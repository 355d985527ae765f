using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Compute;

/// <summary>EBS volume and snapshot notifications (create, copy, share, attach...).</summary>
internal sealed class EbsNotification() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ebs.notification",
        Source = "aws.ec2",
        DetailTypes = ["EBS Volume Notification", "EBS Snapshot Notification", "EBS Multi-Volume Snapshots Completion Status", "EBS Fast Snapshot Restore State-change Notification"],
        Title = (d, e) => $"{e.DetailType}: {d.Str("event"u8)} {d.Str("result"u8)}".Trim(),
        Status = d => d.Str("result"u8),
        Summary = d => d.Str("cause"u8),
        Fields = [new("Event", "event"), new("Result", "result"), new("Snapshot", "snapshot_id"), new("Source", "source"), new("Request", "request-id")],
        Extra = (b, _, e) =>
        {
            foreach (var resource in e.Resources.Take(3))
            {
                b.Link(Arn.Parse(resource)?.ResourceName ?? resource, ConsoleLinks.ForArn(resource));
            }
        },
        Keywords = ["ebs"],
    };
}
