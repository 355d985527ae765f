using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Compute;

/// <summary>EC2 Spot interruption warnings and instance rebalance recommendations.</summary>
internal sealed class Ec2SpotInterruption() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ec2.spot-interruption",
        Source = "aws.ec2",
        DetailTypes = ["EC2 Spot Instance Interruption Warning", "EC2 Instance Rebalance Recommendation"],
        Title = (d, e) => e.DetailType == "EC2 Instance Rebalance Recommendation"
            ? $"Rebalance recommended for Spot instance {Ec2InstanceStateChange.InstanceId(d)}"
            : $"Spot instance {Ec2InstanceStateChange.InstanceId(d)} will be interrupted ({d.Str("instance-action"u8) ?? "action"})",
        Severity = _ => Severity.Medium,
        Summary = _ => "EC2 reclaims this Spot instance in about two minutes (interruption) or soon (rebalance).",
        Extra = (b, d, _) => b.Code("Instance", Ec2InstanceStateChange.InstanceId(d)).Field("Action", d.Str("instance-action"u8)),
        Link = (d, e) => ("Instance", ConsoleLinks.Service(e.Region, "ec2/home", "#InstanceDetails:instanceId=" + Ec2InstanceStateChange.InstanceId(d))),
        ThreadKey = (d, e) => $"ec2/{e.Account}/{e.Region}/{Ec2InstanceStateChange.InstanceId(d)}",
        Keywords = ["ec2", "spot"],
    };
}
