using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.SystemsManager;

/// <summary>Systems Manager Automation execution and step status changes.</summary>
internal sealed class SsmAutomation() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ssm.automation",
        Source = "aws.ssm",
        DetailTypes = ["EC2 Automation Execution Status-change Notification", "EC2 Automation Step Status-change Notification"],
        Title = (d, _) => $"Automation {d.Str("Definition")}{(d.Str("StepName") is { } s ? $" step {s}" : string.Empty)}: {d.Str("Status")}",
        Status = d => d.Str("Status"),
        Summary = d => d.Str("FailureMessage"),
        Fields = [new("Runbook", "Definition"), new("Version", "DefinitionVersion"), new("Status", "Status"), new("Step", "StepName"), new("Action", "Action"),
            new("Executed by", "ExecutedBy", false), new("Execution", "ExecutionId", false)],
        Extra = (b, d, _) => b.Time("Started", d.Str("StartTime")).Time("Ended", d.Str("EndTime")),
        Link = (d, e) => ("Execution", ConsoleLinks.Service(e.Region, "systems-manager/automation/execution/" + d.Str("ExecutionId"))),
        ThreadKey = (d, _) => "ssm/automation/" + d.Str("ExecutionId"),
        Keywords = ["ssm", "automation"],
    };
}
