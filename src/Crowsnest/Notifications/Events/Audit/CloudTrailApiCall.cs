using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Audit;

/// <summary>"AWS API Call via CloudTrail" events from any service, and bare CloudTrail records.</summary>
internal sealed class CloudTrailApiCall() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "cloudtrail.api-call",
        Matches = p => p.IsJsonObject && ((p.DetailType == "AWS API Call via CloudTrail" && p.HasDetail)
            || (p.Source is null && p.Root.Has("eventName") && p.Root.Has("eventSource") && p.Root.Has("userIdentity"))),
        Title = (d, _) => $"{d.Str("eventName")} on {d.Str("eventSource")?.Replace(".amazonaws.com", string.Empty, StringComparison.Ordinal)} by {Who(d)}",
        Severity = d => d.Str("errorCode") is not null ? Severity.Medium : d.Bool("readOnly") == true ? Severity.Info : Severity.Low,
        Summary = d => d.Str("errorMessage"),
        Fields = [new("Event", "eventName"), new("Service", "eventSource"), new("Source IP", "sourceIPAddress"), new("Error", "errorCode"), new("Region", "awsRegion")],
        Extra = (b, d, _) =>
        {
            b.Code("Identity", d.Path("userIdentity", "arn").Text(), isShort: false).Field("User agent", d.Str("userAgent"), isShort: false)
                .Time("Time", d.Str("eventTime"));
            if (d.Prop("requestParameters").IsObject())
            {
                b.Section("Request", Md.CodeBlock(Md.Truncate(d.Prop("requestParameters").GetRawText(), 1500)));
            }
        },
        Link = (d, e) => ("CloudTrail event", ConsoleLinks.Service(e.Region ?? d.Str("awsRegion"), "cloudtrailv2/home", "#/events/" + d.Str("eventID"))),
        Origin = d => (d.Str("recipientAccountId") ?? d.Path("userIdentity", "accountId").Text(), d.Str("awsRegion"), d.Str("eventTime")),
        Keywords = ["cloudtrail"],
    };

    internal static string Who(JsonElement d)
    {
        var identity = d.Prop("userIdentity");
        return identity.Str("userName") ?? identity.Path("sessionContext", "sessionIssuer", "userName").Text()
            ?? Arn.Parse(identity.Str("arn"))?.ResourceName ?? identity.Str("type") ?? "unknown";
    }
}
