using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Containers;

/// <summary>Amazon ECR image actions (push, delete) and image scan results (basic and enhanced).</summary>
internal sealed class EcrImage() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "ecr.image",
        Source = "aws.ecr",
        Title = (d, e) => e.DetailType == "ECR Image Scan"
            ? $"ECR scan of {d.Str("repository-name"u8)}:{d.Strings("image-tags"u8).FirstOrDefault() ?? "untagged"} {d.Str("scan-status"u8)?.ToLowerInvariant()}"
            : $"ECR {d.Str("action-type"u8)?.ToLowerInvariant() ?? "image action"} {d.Str("repository-name"u8)}:{d.Str("image-tag"u8)} {d.Str("result"u8)?.ToLowerInvariant()}",
        Severity = d =>
        {
            var counts = d.Prop("finding-severity-counts"u8);
            return (counts.Num("CRITICAL"u8) ?? 0) > 0 ? Severity.Critical
                : (counts.Num("HIGH"u8) ?? 0) > 0 ? Severity.High
                : (counts.Num("MEDIUM"u8) ?? 0) > 0 ? Severity.Medium
                : d.Str("result"u8) == "FAILURE" ? Severity.High
                : counts.IsObject() ? Severity.Low : Severity.Info;
        },
        Fields = [new("Repository", "repository-name"), new("Tag", "image-tag"), new("Result", "result"), new("Scan status", "scan-status")],
        Extra = (b, d, _) =>
        {
            b.Code("Digest", d.Str("image-digest"u8), isShort: false);
            var counts = d.Prop("finding-severity-counts"u8).Scalars().Select(c => $"{c.Name}: {c.Value}").ToList();
            b.Field("Findings", counts.Count == 0 ? null : string.Join(", ", counts), isShort: false);
        },
        Link = (d, e) => ("Repository", ConsoleLinks.Service(e.Region, "ecr/repositories/private/" + e.Account + "/" + d.Str("repository-name"u8))),
        ThreadKey = (d, e) => $"ecr/{e.Account}/{e.Region}/{d.Str("repository-name"u8)}/{d.Str("image-digest"u8)}",
        Keywords = ["ecr"],
    };
}
