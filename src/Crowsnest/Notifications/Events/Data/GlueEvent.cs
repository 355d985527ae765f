using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Data;

/// <summary>AWS Glue job runs, crawlers and Data Catalog events.</summary>
internal sealed class GlueEvent() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "glue.event",
        Source = "aws.glue",
        Title = (d, e) => d.Str("crawlerName"u8) is { } crawler
            ? $"Glue crawler {crawler} {d.Str("state"u8)?.ToLowerInvariant()}"
            : d.Str("jobName"u8) is { } job ? $"Glue job {job} {d.Str("state"u8)?.ToLowerInvariant()}" : $"{e.DetailType}",
        Severity = d => d.Str("severity"u8) switch
        {
            "ERROR" => Severity.High,
            "WARN" => Severity.Medium,
            _ => StatusSeverity.Of(d.Str("state"u8)),
        },
        Summary = d => d.Str("errorMessage"u8) ?? d.Str("message"u8),
        Fields = [new("Job", "jobName"), new("Crawler", "crawlerName"), new("State", "state"), new("Run", "jobRunId", false),
            new("Tables created", "tablesCreated"), new("Tables updated", "tablesUpdated"), new("Partitions created", "partitionsCreated"), new("Running (s)", "runningTime (sec)")],
        Extra = (b, d, _) => b.Link("Logs", d.Str("cloudWatchLogLink"u8)),
        Link = (d, e) => d.Str("jobName"u8) is { } job
            ? ("Job", ConsoleLinks.Service(e.Region, "gluestudio/home", "#/editor/job/" + ConsoleLinks.Escape(job) + "/runs"))
            : ("Crawlers", ConsoleLinks.Service(e.Region, "glue/home", "#/v2/data-catalog/crawlers")),
        ThreadKey = (d, _) => d.Str("jobRunId"u8) is { } run ? "glue/" + run : null,
        Keywords = ["glue"],
    };
}
