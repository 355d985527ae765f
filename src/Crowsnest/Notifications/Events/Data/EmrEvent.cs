using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Data;

/// <summary>Amazon EMR cluster, step, instance group and auto scaling events.</summary>
internal sealed class EmrEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "emr.event",
        Source = "aws.emr",
        Title = (d, e) => d.Str("stepId"u8) is not null
            ? $"EMR step {d.Str("name"u8)} on {d.Str("clusterId"u8)}: {d.Str("state"u8)}"
            : $"EMR cluster {d.Str("name"u8) ?? d.Str("clusterId"u8)}: {d.Str("state"u8) ?? e.DetailType}",
        Severity = d => d.Str("severity"u8) switch
        {
            "ERROR" or "CRITICAL" => Severity.High,
            "WARN" => Severity.Medium,
            _ => StatusSeverity.Of(d.Str("state"u8)),
        },
        Summary = d => d.Str("message"u8),
        Fields = [new("Cluster", "clusterId"), new("State", "state"), new("Step", "stepId"), new("On failure", "actionOnFailure")],
        Extra = (b, d, _) => b.Field("Reason", d.Embedded("stateChangeReason"u8).Str("message"u8) ?? d.Str("stateChangeReason"u8), isShort: false),
        Link = (d, e) => ("Cluster", ConsoleLinks.Service(e.Region, "emr/home", "#/clusterDetails/" + d.Str("clusterId"u8))),
        ThreadKey = (d, _) => "emr/" + d.Str("clusterId"u8),
        Keywords = ["emr"],
    };
}
