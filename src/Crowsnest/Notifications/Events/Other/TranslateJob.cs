using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Other;

/// <summary>Amazon Translate batch job state changes.</summary>
internal sealed class TranslateJob() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "translate.job",
        Source = "aws.translate",
        Title = (d, _) => $"Translation job {d.Str("jobId")} {d.Str("jobStatus")?.ToLowerInvariant()}",
        Status = d => d.Str("jobStatus"),
        Fields = [new("Job", "jobId", false), new("Status", "jobStatus")],
        Link = (_, e) => ("Translate", ConsoleLinks.Service(e.Region, "translate/home", "#batchTranslation")),
        Keywords = ["translate"],
    };
}
