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
        Matches = p => p.IsJsonObject && p.Source is null && p.Root.Items("Records").FirstOrDefault().Str("eventSource") == "aws:codecommit",
        Title = (d, e) => Repository(d, e) is var repo && d.Str("pullRequestId") is { } pr
            ? $"{repo}: pull request #{pr} {d.Str("pullRequestStatus")?.ToLowerInvariant()} ({d.Str("event")})"
            : $"{repo}: {d.Str("event") ?? "repository event"} {d.Str("referenceName")}".TrimEnd(),
        Summary = d => d.Str("title") ?? d.Str("description"),
        Fields = [new("Reference", "referenceFullName"), new("Commit", "commitId"), new("Author", "author"), new("Source", "sourceReference"), new("Destination", "destinationReference")],
        Extra = (b, d, e) =>
        {
            b.Code("Caller", d.Str("callerUserArn"), isShort: false);
            foreach (var record in e.Payload.Items("Records"))
            {
                var refs = record.Path("codecommit", "references").Items().Select(r => $"{Md.Code(r.Str("ref"))} → {Md.Code(r.Str("commit"))}").ToList();
                b.Section(record.Str("eventName") ?? "Trigger", refs.Count == 0 ? null : Md.Bullets(refs));
            }
        },
        Origin = d => (null, d.Items("Records").FirstOrDefault().Str("awsRegion"), d.Items("Records").FirstOrDefault().Str("eventTime")),
        Link = (d, e) => ("Repository", ConsoleLinks.Service(e.Region, $"codesuite/codecommit/repositories/{Repository(d, e)}/browse")),
        ThreadKey = (d, e) => d.Str("pullRequestId") is { } pr ? $"codecommit/{e.Account}/{e.Region}/{Repository(d, e)}/pr/{pr}" : null,
        Keywords = ["codecommit"],
    };

    private static string Repository(System.Text.Json.JsonElement d, AwsEvent e) =>
        d.Str("repositoryName") ?? d.Strings("repositoryNames").FirstOrDefault()
        ?? Arn.Parse(d.Items("Records").FirstOrDefault().Str("eventSourceARN"))?.Resource
        ?? Arn.Parse(e.Resources.FirstOrDefault())?.Resource ?? "repository";
}
