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
            ? $"ECR scan of {d.Str("repository-name")}:{d.Strings("image-tags").FirstOrDefault() ?? "untagged"} {d.Str("scan-status")?.ToLowerInvariant()}"
            : $"ECR {d.Str("action-type")?.ToLowerInvariant() ?? "image action"} {d.Str("repository-name")}:{d.Str("image-tag")} {d.Str("result")?.ToLowerInvariant()}",
        Severity = d =>
        {
            var counts = d.Prop("finding-severity-counts");
            return (counts.Num("CRITICAL") ?? 0) > 0 ? Severity.Critical
                : (counts.Num("HIGH") ?? 0) > 0 ? Severity.High
                : (counts.Num("MEDIUM") ?? 0) > 0 ? Severity.Medium
                : d.Str("result") == "FAILURE" ? Severity.High
                : counts.IsObject() ? Severity.Low : Severity.Info;
        },
        Fields = [new("Repository", "repository-name"), new("Tag", "image-tag"), new("Result", "result"), new("Scan status", "scan-status")],
        Extra = (b, d, _) =>
        {
            b.Code("Digest", d.Str("image-digest"), isShort: false);
            var counts = d.Prop("finding-severity-counts").Scalars().Select(c => $"{c.Name}: {c.Value}").ToList();
            b.Field("Findings", counts.Count == 0 ? null : string.Join(", ", counts), isShort: false);
        },
        Link = (d, e) => ("Repository", ConsoleLinks.Service(e.Region, "ecr/repositories/private/" + e.Account + "/" + d.Str("repository-name"))),
        ThreadKey = (d, e) => $"ecr/{e.Account}/{e.Region}/{d.Str("repository-name")}/{d.Str("image-digest")}",
        Keywords = ["ecr"],
    };
}
