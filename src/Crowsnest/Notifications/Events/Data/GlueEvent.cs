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
        Title = (d, e) => d.Str("crawlerName") is { } crawler
            ? $"Glue crawler {crawler} {d.Str("state")?.ToLowerInvariant()}"
            : d.Str("jobName") is { } job ? $"Glue job {job} {d.Str("state")?.ToLowerInvariant()}" : $"{e.DetailType}",
        Severity = d => d.Str("severity") switch
        {
            "ERROR" => Severity.High,
            "WARN" => Severity.Medium,
            _ => StatusSeverity.Of(d.Str("state")),
        },
        Summary = d => d.Str("errorMessage") ?? d.Str("message"),
        Fields = [new("Job", "jobName"), new("Crawler", "crawlerName"), new("State", "state"), new("Run", "jobRunId", false),
            new("Tables created", "tablesCreated"), new("Tables updated", "tablesUpdated"), new("Partitions created", "partitionsCreated"), new("Running (s)", "runningTime (sec)")],
        Extra = (b, d, _) => b.Link("Logs", d.Str("cloudWatchLogLink")),
        Link = (d, e) => d.Str("jobName") is { } job
            ? ("Job", ConsoleLinks.Service(e.Region, "gluestudio/home", "#/editor/job/" + ConsoleLinks.Escape(job) + "/runs"))
            : ("Crawlers", ConsoleLinks.Service(e.Region, "glue/home", "#/v2/data-catalog/crawlers")),
        ThreadKey = (d, _) => d.Str("jobRunId") is { } run ? "glue/" + run : null,
        Keywords = ["glue"],
    };
}
