using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Other;

/// <summary>Amazon Transcribe job state changes.</summary>
internal sealed class TranscribeJob() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "transcribe.job",
        Source = "aws.transcribe",
        Title = (d, _) => $"Transcription job {d.Str("TranscriptionJobName"u8)} {d.Str("TranscriptionJobStatus"u8)?.ToLowerInvariant()}",
        Status = d => d.Str("TranscriptionJobStatus"u8),
        Summary = d => d.Str("FailureReason"u8),
        Fields = [new("Job", "TranscriptionJobName", false), new("Status", "TranscriptionJobStatus")],
        Link = (d, e) => ("Job", ConsoleLinks.Service(e.Region, "transcribe/home", "#jobs")),
        Keywords = ["transcribe"],
    };
}
