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
            ? $"Access preview {d.Str("status"u8)?.ToLowerInvariant()}: {d.Strings("configuredResources"u8).FirstOrDefault()}"
            : d.Str("error"u8) is { } error ? $"Access Analyzer could not analyze {d.Str("resourceType"u8)} {Arn.Parse(d.Str("resource"u8))?.ResourceName ?? d.Str("resource"u8)} ({error})"
            : $"Access Analyzer: {(d.Bool("isPublic"u8) == true ? "public" : "external")} access to {d.Str("resourceType"u8)} {Arn.Parse(d.Str("resource"u8))?.ResourceName ?? d.Str("resource"u8)} ({d.Str("status"u8)})",
        Severity = d => d.Str("error"u8) is not null ? Severity.Medium
            : d.Str("status"u8) == "FAILED" ? Severity.Medium
            : d.Bool("isPublic"u8) == true ? Severity.High
            : d.Str("status"u8) is "ACTIVE" ? Severity.Medium
            : d.Str("status"u8) is "RESOLVED" or "ARCHIVED" or "COMPLETED" ? Severity.Success : Severity.Info,
        Summary = d => d.Str("error"u8) is { } error ? $"Analysis failed: {error}" : d.Path("statusReason"u8, "code"u8).Text(),
        Fields = [new("Status", "status"), new("Resource type", "resourceType"), new("Resource", "resource", false), new("Public", "isPublic"), new("Error", "error")],
        Extra = (b, d, _) => b.Field("Principal", string.Join(", ", d.Prop("principal"u8).Scalars().Select(p => $"{p.Name}: {p.Value}")))
            .Field("Actions", string.Join(", ", d.Strings("action"u8)), isShort: false)
            .Time("Analyzed", d.Str("analyzedAt"u8)),
        Link = (_, e) => ("Access Analyzer", ConsoleLinks.Service(e.Region, "access-analyzer/home", "#/findings")),
        ThreadKey = (d, _) => d.Str("id"u8) is { } id ? "accessanalyzer/" + id : null,
        UpdateKey = (d, _) => d.Str("id"u8) is { } id ? "accessanalyzer/" + id : null,
        Keywords = ["access-analyzer", "iam"],
    };
}
