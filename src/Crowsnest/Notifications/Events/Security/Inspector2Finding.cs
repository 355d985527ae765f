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
        Title = (d, _) => $"Inspector: {d.Str("title"u8)}",
        Severity = d => d.Str("severity"u8)?.ToUpperInvariant() switch
        {
            "CRITICAL" => Severity.Critical,
            "HIGH" => Severity.High,
            "MEDIUM" => Severity.Medium,
            "LOW" => Severity.Low,
            _ => Severity.Info,
        },
        Summary = d => d.Str("description"u8),
        Fields = [new("Severity", "severity"), new("Status", "status"), new("Type", "type"), new("Score", "inspectorScore"), new("Fix available", "fixAvailable")],
        Extra = (b, d, _) =>
        {
            var resource = d.FirstItem("resources"u8);
            b.Code("Resource", resource.Str("id"u8), isShort: false).Field("Resource type", resource.Str("type"u8))
                .Code("Vulnerability", d.Path("packageVulnerabilityDetails"u8, "vulnerabilityId"u8).Text())
                .Time("First observed", d.Str("firstObservedAt"u8)).Time("Last observed", d.Str("lastObservedAt"u8))
                .Section("Remediation", d.Path("remediation"u8, "recommendation"u8, "text"u8).Text())
                .Link("Advisory", d.Path("packageVulnerabilityDetails"u8, "sourceUrl"u8).Text());
        },
        Link = (d, e) => ("Finding", ConsoleLinks.Service(e.Region, "inspector/v2/home", "#/findings/all")),
        ThreadKey = (d, _) => "inspector2/" + d.Str("findingArn"u8),
        UpdateKey = (d, _) => "inspector2/" + d.Str("findingArn"u8),
        Keywords = ["inspector"],
    };
}
