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
            || (p.Source is null && p.Root.Has("eventName"u8) && p.Root.Has("eventSource"u8) && p.Root.Has("userIdentity"u8))),
        Title = (d, _) => $"{d.Str("eventName"u8)} on {d.Str("eventSource"u8)?.Replace(".amazonaws.com", string.Empty, StringComparison.Ordinal)} by {Who(d)}",
        Severity = d => d.Str("errorCode"u8) is not null ? Severity.Medium : d.Bool("readOnly"u8) == true ? Severity.Info : Severity.Low,
        Summary = d => d.Str("errorMessage"u8),
        Fields = [new("Event", "eventName"), new("Service", "eventSource"), new("Source IP", "sourceIPAddress"), new("Error", "errorCode"), new("Region", "awsRegion")],
        Extra = (b, d, _) =>
        {
            b.Code("Identity", d.Path("userIdentity"u8, "arn"u8).Text(), isShort: false).Field("User agent", d.Str("userAgent"u8), isShort: false)
                .Time("Time", d.Str("eventTime"u8));
            if (d.Prop("requestParameters"u8).IsObject())
            {
                b.Section("Request", Md.CodeBlock(Md.Truncate(d.Prop("requestParameters"u8).GetRawText(), 1500)));
            }
        },
        Link = (d, e) => ("CloudTrail event", ConsoleLinks.Service(e.Region ?? d.Str("awsRegion"u8), "cloudtrailv2/home", "#/events/" + d.Str("eventID"u8))),
        Origin = d => (d.Str("recipientAccountId"u8) ?? d.Path("userIdentity"u8, "accountId"u8).Text(), d.Str("awsRegion"u8), d.Str("eventTime"u8)),
        Keywords = ["cloudtrail"],
    };

    internal static string Who(JsonElement d)
    {
        var identity = d.Prop("userIdentity"u8);
        return identity.Str("userName"u8) ?? identity.Path("sessionContext"u8, "sessionIssuer"u8, "userName"u8).Text()
            ?? Arn.Parse(identity.Str("arn"u8))?.ResourceName ?? identity.Str("type"u8) ?? "unknown";
    }
}
