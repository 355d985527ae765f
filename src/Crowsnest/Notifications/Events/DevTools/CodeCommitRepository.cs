using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.DevTools;

/// <summary>CodeCommit repository, pull request and comment events (EventBridge), and repository triggers on SNS (<c>Records[].eventSource</c> <c>aws:codecommit</c>).</summary>
internal sealed class CodeCommitRepository() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "codecommit.repository",
        Source = "aws.codecommit",
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.FirstItem("Records"u8).Str("eventSource"u8) == "aws:codecommit",
        Title = (d, e) => Repository(d, e) is var repo && d.Str("pullRequestId"u8) is { } pr
            ? $"{repo}: pull request #{pr} {d.Str("pullRequestStatus"u8)?.ToLowerInvariant()} ({d.Str("event"u8)})"
            : $"{repo}: {d.Str("event"u8) ?? "repository event"} {d.Str("referenceName"u8)}".TrimEnd(),
        Summary = d => d.Str("title"u8) ?? d.Str("description"u8),
        Fields = [new("Reference", "referenceFullName"), new("Commit", "commitId"), new("Author", "author"), new("Source", "sourceReference"), new("Destination", "destinationReference")],
        Extra = (b, d, e) =>
        {
            b.Code("Caller", d.Str("callerUserArn"u8), isShort: false);
            foreach (var record in e.Payload.Items("Records"u8))
            {
                var refs = record.Path("codecommit"u8, "references"u8).Items().Select(r => $"{Md.Code(r.Str("ref"u8))} → {Md.Code(r.Str("commit"u8))}").ToList();
                b.Section(record.Str("eventName"u8) ?? "Trigger", refs.Count == 0 ? null : Md.Bullets(refs));
            }
        },
        Origin = d => (null, d.FirstItem("Records"u8).Str("awsRegion"u8), d.FirstItem("Records"u8).Str("eventTime"u8)),
        Link = (d, e) => ("Repository", ConsoleLinks.Service(e.Region, $"codesuite/codecommit/repositories/{Repository(d, e)}/browse")),
        ThreadKey = (d, e) => d.Str("pullRequestId"u8) is { } pr ? $"codecommit/{e.Account}/{e.Region}/{Repository(d, e)}/pr/{pr}" : null,
        Keywords = ["codecommit"],
    };

    private static string Repository(System.Text.Json.JsonElement d, AwsEvent e) =>
        d.Str("repositoryName"u8) ?? d.Strings("repositoryNames"u8).FirstOrDefault()
        ?? Arn.Parse(d.FirstItem("Records"u8).Str("eventSourceARN"u8))?.Resource
        ?? Arn.Parse(e.Resources.FirstOrDefault())?.Resource ?? "repository";
}
