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
        Title = (d, e) => $"{e.DetailType?.Replace(" Notification", string.Empty, StringComparison.Ordinal)}: {d.Str("window-id"u8)} {d.Str("status"u8)}",
        Status = d => d.Str("status"u8),
        Fields = [new("Window", "window-id"), new("Status", "status"), new("Execution", "window-execution-id", false), new("Task", "task-execution-id", false)],
        Extra = (b, d, _) => b.Time("Started", d.Str("start-time"u8)).Time("Ended", d.Str("end-time"u8)),
        Link = (d, e) => ("Maintenance window", ConsoleLinks.Service(e.Region, "systems-manager/maintenance-windows/" + d.Str("window-id"u8))),
        ThreadKey = (d, _) => "ssm/maintenance-window/" + (d.Str("window-execution-id"u8) ?? d.Str("window-id"u8)),
        Keywords = ["ssm", "maintenance-window"],
    };
}
