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
        Title = (d, _) => $"Automation {d.Str("Definition"u8)}{(d.Str("StepName"u8) is { } s ? $" step {s}" : string.Empty)}: {d.Str("Status"u8)}",
        Status = d => d.Str("Status"u8),
        Summary = d => d.Str("FailureMessage"u8),
        Fields = [new("Runbook", "Definition"), new("Version", "DefinitionVersion"), new("Status", "Status"), new("Step", "StepName"), new("Action", "Action"),
            new("Executed by", "ExecutedBy", false), new("Execution", "ExecutionId", false)],
        Extra = (b, d, _) => b.Time("Started", d.Str("StartTime"u8)).Time("Ended", d.Str("EndTime"u8)),
        Link = (d, e) => ("Execution", ConsoleLinks.Service(e.Region, "systems-manager/automation/execution/" + d.Str("ExecutionId"u8))),
        ThreadKey = (d, _) => "ssm/automation/" + d.Str("ExecutionId"u8),
        Keywords = ["ssm", "automation"],
    };
}
