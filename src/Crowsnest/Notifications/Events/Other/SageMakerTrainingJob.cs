using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Other;

/// <summary>
/// SageMaker training, processing and transform job state changes.
/// </summary>
internal sealed class SageMakerTrainingJob() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "sagemaker.job",
        Source = "aws.sagemaker",
        Title = (d, e) => $"SageMaker {d.Str("TrainingJobName"u8) ?? d.Str("ProcessingJobName"u8) ?? d.Str("TransformJobName"u8) ?? e.DetailType}: {Status(d)}",
        Status = Status,
        Summary = d => d.Str("FailureReason"u8),
        Fields = [new("Status", "TrainingJobStatus"), new("Secondary status", "SecondaryStatus"), new("Job", "TrainingJobArn", false)],
        Extra = (b, d, _) => b.Time("Created", d.Str("CreationTime"u8)).Time("Ended", d.Str("TrainingEndTime"u8)),
        Link = (_, e) => ("SageMaker", ConsoleLinks.Service(e.Region, "sagemaker/home", "#/jobs")),
        Keywords = ["sagemaker"],
    };

    private static string? Status(System.Text.Json.JsonElement d) =>
        d.Str("TrainingJobStatus"u8) ?? d.Str("ProcessingJobStatus"u8) ?? d.Str("TransformJobStatus"u8) ?? d.Str("EndpointStatus"u8);
}
