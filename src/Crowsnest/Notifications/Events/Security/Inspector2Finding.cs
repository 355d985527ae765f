using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Security;

/// <summary>Amazon Inspector "Inspector2 Finding" (package vulnerability, network reachability, code).</summary>
internal sealed class Inspector2Finding() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "inspector2.finding",
        Source = "aws.inspector2",
        DetailTypes = ["Inspector2 Finding"],
        Title = (d, _) => $"Inspector: {d.Str("title")}",
        Severity = d => d.Str("severity")?.ToUpperInvariant() switch
        {
            "CRITICAL" => Severity.Critical,
            "HIGH" => Severity.High,
            "MEDIUM" => Severity.Medium,
            "LOW" => Severity.Low,
            _ => Severity.Info,
        },
        Summary = d => d.Str("description"),
        Fields = [new("Severity", "severity"), new("Status", "status"), new("Type", "type"), new("Score", "inspectorScore"), new("Fix available", "fixAvailable")],
        Extra = (b, d, _) =>
        {
            var resource = d.Items("resources").FirstOrDefault();
            b.Code("Resource", resource.Str("id"), isShort: false).Field("Resource type", resource.Str("type"))
                .Code("Vulnerability", d.Path("packageVulnerabilityDetails", "vulnerabilityId").Text())
                .Time("First observed", d.Str("firstObservedAt")).Time("Last observed", d.Str("lastObservedAt"))
                .Section("Remediation", d.Path("remediation", "recommendation", "text").Text())
                .Link("Advisory", d.Path("packageVulnerabilityDetails", "sourceUrl").Text());
        },
        Link = (d, e) => ("Finding", ConsoleLinks.Service(e.Region, "inspector/v2/home", "#/findings/all")),
        ThreadKey = (d, _) => "inspector2/" + d.Str("findingArn"),
        UpdateKey = (d, _) => "inspector2/" + d.Str("findingArn"),
        Keywords = ["inspector"],
    };
}
