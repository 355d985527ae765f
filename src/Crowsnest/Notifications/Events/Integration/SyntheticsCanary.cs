using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Integration;

/// <summary>CloudWatch Synthetics canary status changes and test-run results.</summary>
internal sealed class SyntheticsCanary() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "synthetics.canary",
        Source = "aws.synthetics",
        Title = (d, e) => d.Str("test-run-status"u8) is { } run
            ? $"Canary {d.Str("canary-name"u8)} run {run.ToLowerInvariant()}"
            : $"Canary {d.Str("canary-name"u8)}: {d.Str("previous-state"u8)} → {d.Str("current-state"u8)}",
        Status = d => d.Str("test-run-status"u8) ?? (d.Str("current-state"u8) == "ERROR" ? "ERROR" : null),
        Summary = d => d.Str("state-reason"u8) is { } reason && reason != "null" ? reason : d.Str("message"u8),
        Fields = [new("Canary", "canary-name"), new("Run status", "test-run-status"), new("State", "current-state"), new("Previous", "previous-state"),
            new("Artifacts", "artifact-location", false)],
        Extra = (b, d, _) => b.Time("Started", d.Path("canary-run-timeline"u8, "started"u8).Text()).Time("Completed", d.Path("canary-run-timeline"u8, "completed"u8).Text()),
        Link = (d, e) => ("Canary", ConsoleLinks.Service(e.Region, "cloudwatch/home", "#synthetics:canary/detail/" + d.Str("canary-name"u8))),
        ThreadKey = (d, e) => $"synthetics/{e.Account}/{e.Region}/{d.Str("canary-name"u8)}",
        Keywords = ["synthetics", "canary"],
    };
}
