using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Compute;

/// <summary>AWS Batch "Batch Job State Change".</summary>
internal sealed class BatchJob() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "batch.job",
        Source = "aws.batch",
        Title = (d, _) => $"Batch job {d.Str("jobName") ?? d.Str("jobId")} is {d.Str("status") ?? "changing state"}",
        Status = d => d.Str("status"),
        Summary = d => d.Str("statusReason"),
        Fields = [new("Job id", "jobId"), new("Status", "status"), new("Queue", "jobQueue", false), new("Definition", "jobDefinition", false)],
        Extra = (b, d, _) => b.Time("Created", d.Str("createdAt")).Field("Image", d.Path("container", "image").Text()),
        Link = (d, e) => ("Job", ConsoleLinks.Service(e.Region, "batch/home", "#jobs/detail/" + d.Str("jobId"))),
        ThreadKey = (d, e) => $"batch/{e.Account}/{e.Region}/{d.Str("jobId")}",
        UpdateKey = (d, e) => $"batch/{e.Account}/{e.Region}/{d.Str("jobId")}",
        Keywords = ["batch"],
    };
}
