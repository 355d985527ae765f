using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Other;

/// <summary>Amazon Translate batch job state changes.</summary>
internal sealed class TranslateJob() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "translate.job",
        Source = "aws.translate",
        Title = (d, _) => $"Translation job {d.Str("jobId"u8)} {d.Str("jobStatus"u8)?.ToLowerInvariant()}",
        Status = d => d.Str("jobStatus"u8),
        Fields = [new("Job", "jobId", false), new("Status", "jobStatus")],
        Link = (_, e) => ("Translate", ConsoleLinks.Service(e.Region, "translate/home", "#batchTranslation")),
        Keywords = ["translate"],
    };
}
