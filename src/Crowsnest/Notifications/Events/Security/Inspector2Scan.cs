using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Security;

/// <summary>Amazon Inspector scan events ("Inspector2 Scan", coverage) with finding counts per severity.</summary>
internal sealed class Inspector2Scan() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "inspector2.scan",
        Source = "aws.inspector2",
        Title = (d, e) => $"Inspector scan {d.Str("scan-status"u8)?.ToLowerInvariant().Replace('_', ' ') ?? e.DetailType}: {d.Str("instance-id"u8) ?? d.Str("repository-name"u8) ?? d.Str("function-name"u8)}",
        Severity = d => (d.Path("finding-severity-counts"u8, "CRITICAL"u8).Number() ?? 0) > 0 ? Severity.Critical
            : (d.Path("finding-severity-counts"u8, "HIGH"u8).Number() ?? 0) > 0 ? Severity.High
            : (d.Path("finding-severity-counts"u8, "MEDIUM"u8).Number() ?? 0) > 0 ? Severity.Medium : Severity.Info,
        Fields = [new("Scan status", "scan-status"), new("Instance", "instance-id"), new("Repository", "repository-name"), new("Image digest", "image-digest", false)],
        Extra = (b, d, _) => b.Field("Findings", string.Join(", ", d.Prop("finding-severity-counts"u8).Scalars().Select(c => $"{c.Name}: {c.Value}")), isShort: false),
        Link = (_, e) => ("Inspector", ConsoleLinks.Service(e.Region, "inspector/v2/home", "#/dashboard")),
        Keywords = ["inspector"],
    };
}
