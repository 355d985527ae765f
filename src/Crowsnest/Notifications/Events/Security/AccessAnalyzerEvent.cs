using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Security;

/// <summary>IAM Access Analyzer findings and access preview state changes.</summary>
internal sealed class AccessAnalyzerEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "accessanalyzer.event",
        Source = "aws.access-analyzer",
        Title = (d, e) => e.DetailType == "Access Preview State Change"
            ? $"Access preview {d.Str("status")?.ToLowerInvariant()}: {d.Strings("configuredResources").FirstOrDefault()}"
            : d.Str("error") is { } error ? $"Access Analyzer could not analyze {d.Str("resourceType")} {Arn.Parse(d.Str("resource"))?.ResourceName ?? d.Str("resource")} ({error})"
            : $"Access Analyzer: {(d.Bool("isPublic") == true ? "public" : "external")} access to {d.Str("resourceType")} {Arn.Parse(d.Str("resource"))?.ResourceName ?? d.Str("resource")} ({d.Str("status")})",
        Severity = d => d.Str("error") is not null ? Severity.Medium
            : d.Str("status") == "FAILED" ? Severity.Medium
            : d.Bool("isPublic") == true ? Severity.High
            : d.Str("status") is "ACTIVE" ? Severity.Medium
            : d.Str("status") is "RESOLVED" or "ARCHIVED" or "COMPLETED" ? Severity.Success : Severity.Info,
        Summary = d => d.Str("error") is { } error ? $"Analysis failed: {error}" : d.Path("statusReason", "code").Text(),
        Fields = [new("Status", "status"), new("Resource type", "resourceType"), new("Resource", "resource", false), new("Public", "isPublic"), new("Error", "error")],
        Extra = (b, d, _) => b.Field("Principal", string.Join(", ", d.Prop("principal").Scalars().Select(p => $"{p.Name}: {p.Value}")))
            .Field("Actions", string.Join(", ", d.Strings("action")), isShort: false)
            .Time("Analyzed", d.Str("analyzedAt")),
        Link = (_, e) => ("Access Analyzer", ConsoleLinks.Service(e.Region, "access-analyzer/home", "#/findings")),
        ThreadKey = (d, _) => d.Str("id") is { } id ? "accessanalyzer/" + id : null,
        UpdateKey = (d, _) => d.Str("id") is { } id ? "accessanalyzer/" + id : null,
        Keywords = ["access-analyzer", "iam"],
    };
}
