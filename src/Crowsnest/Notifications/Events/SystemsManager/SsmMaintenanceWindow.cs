using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.SystemsManager;

/// <summary>Systems Manager maintenance window state, target, task and execution changes.</summary>
internal sealed class SsmMaintenanceWindow() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ssm.maintenance-window",
        Source = "aws.ssm",
        Matches = p => p.IsFrom("aws.ssm") && p.DetailType?.StartsWith("Maintenance Window", StringComparison.Ordinal) == true,
        Title = (d, e) => $"{e.DetailType?.Replace(" Notification", string.Empty, StringComparison.Ordinal)}: {d.Str("window-id")} {d.Str("status")}",
        Status = d => d.Str("status"),
        Fields = [new("Window", "window-id"), new("Status", "status"), new("Execution", "window-execution-id", false), new("Task", "task-execution-id", false)],
        Extra = (b, d, _) => b.Time("Started", d.Str("start-time")).Time("Ended", d.Str("end-time")),
        Link = (d, e) => ("Maintenance window", ConsoleLinks.Service(e.Region, "systems-manager/maintenance-windows/" + d.Str("window-id"))),
        ThreadKey = (d, _) => "ssm/maintenance-window/" + (d.Str("window-execution-id") ?? d.Str("window-id")),
        Keywords = ["ssm", "maintenance-window"],
    };
}
