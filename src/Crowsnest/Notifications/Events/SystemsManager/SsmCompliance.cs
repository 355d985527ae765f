using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.SystemsManager;

/// <summary>Systems Manager compliance (patch and association compliance state changes).</summary>
internal sealed class SsmCompliance() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ssm.compliance",
        Source = "aws.ssm",
        DetailTypes = ["Configuration Compliance State Change"],
        Title = (d, _) => $"{d.Str("compliance-type"u8)} compliance: {d.Str("resource-id"u8)} is {d.Str("compliance-status"u8)?.Replace('_', '-')}",
        Severity = d => d.Str("compliance-status"u8) == "compliant" ? Severity.Success
            : d.Str("severity"u8)?.ToUpperInvariant() switch
            {
                "CRITICAL" => Severity.Critical,
                "HIGH" => Severity.High,
                "MEDIUM" => Severity.Medium,
                "LOW" or "INFORMATIONAL" => Severity.Low,
                _ => Severity.Medium,
            },
        Fields = [new("Resource", "resource-id"), new("Resource type", "resource-type"), new("Type", "compliance-type"), new("Status", "compliance-status"),
            new("Severity", "severity"), new("Patch baseline", "patch-baseline-id"), new("Association", "association-id")],
        Link = (_, e) => ("Compliance", ConsoleLinks.Service(e.Region, "systems-manager/compliance")),
        ThreadKey = (d, e) => $"ssm/compliance/{e.Account}/{e.Region}/{d.Str("resource-id"u8)}",
        Keywords = ["ssm", "compliance"],
    };
}
