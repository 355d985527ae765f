using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Integration;

/// <summary>CloudWatch Synthetics canary status changes and test-run results.</summary>
internal sealed class SyntheticsCanary() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "synthetics.canary",
        Source = "aws.synthetics",
        Title = (d, e) => d.Str("test-run-status") is { } run
            ? $"Canary {d.Str("canary-name")} run {run.ToLowerInvariant()}"
            : $"Canary {d.Str("canary-name")}: {d.Str("previous-state")} → {d.Str("current-state")}",
        Status = d => d.Str("test-run-status") ?? (d.Str("current-state") == "ERROR" ? "ERROR" : null),
        Summary = d => d.Str("state-reason") is { } reason && reason != "null" ? reason : d.Str("message"),
        Fields = [new("Canary", "canary-name"), new("Run status", "test-run-status"), new("State", "current-state"), new("Previous", "previous-state"),
            new("Artifacts", "artifact-location", false)],
        Extra = (b, d, _) => b.Time("Started", d.Path("canary-run-timeline", "started").Text()).Time("Completed", d.Path("canary-run-timeline", "completed").Text()),
        Link = (d, e) => ("Canary", ConsoleLinks.Service(e.Region, "cloudwatch/home", "#synthetics:canary/detail/" + d.Str("canary-name"))),
        ThreadKey = (d, e) => $"synthetics/{e.Account}/{e.Region}/{d.Str("canary-name")}",
        Keywords = ["synthetics", "canary"],
    };
}
