using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Compute;

/// <summary>AWS Batch "Batch Job State Change".</summary>
internal sealed class BatchJob() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "batch.job",
        Source = "aws.batch",
        Title = (d, _) => $"Batch job {d.Str("jobName"u8) ?? d.Str("jobId"u8)} is {d.Str("status"u8) ?? "changing state"}",
        Status = d => d.Str("status"u8),
        Summary = d => d.Str("statusReason"u8),
        Fields = [new("Job id", "jobId"), new("Status", "status"), new("Queue", "jobQueue", false), new("Definition", "jobDefinition", false)],
        Extra = (b, d, _) => b.Time("Created", d.Str("createdAt"u8)).Field("Image", d.Path("container"u8, "image"u8).Text()),
        Link = (d, e) => ("Job", ConsoleLinks.Service(e.Region, "batch/home", "#jobs/detail/" + d.Str("jobId"u8))),
        ThreadKey = (d, e) => $"batch/{e.Account}/{e.Region}/{d.Str("jobId"u8)}",
        UpdateKey = (d, e) => $"batch/{e.Account}/{e.Region}/{d.Str("jobId"u8)}",
        Keywords = ["batch"],
    };
}
