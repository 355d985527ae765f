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
        Title = (d, e) => d.Str("stepId") is not null
            ? $"EMR step {d.Str("name")} on {d.Str("clusterId")}: {d.Str("state")}"
            : $"EMR cluster {d.Str("name") ?? d.Str("clusterId")}: {d.Str("state") ?? e.DetailType}",
        Severity = d => d.Str("severity") switch
        {
            "ERROR" or "CRITICAL" => Severity.High,
            "WARN" => Severity.Medium,
            _ => StatusSeverity.Of(d.Str("state")),
        },
        Summary = d => d.Str("message"),
        Fields = [new("Cluster", "clusterId"), new("State", "state"), new("Step", "stepId"), new("On failure", "actionOnFailure")],
        Extra = (b, d, _) => b.Field("Reason", d.Embedded("stateChangeReason").Str("message") ?? d.Str("stateChangeReason"), isShort: false),
        Link = (d, e) => ("Cluster", ConsoleLinks.Service(e.Region, "emr/home", "#/clusterDetails/" + d.Str("clusterId"))),
        ThreadKey = (d, _) => "emr/" + d.Str("clusterId"),
        Keywords = ["emr"],
    };
}
