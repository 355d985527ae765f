using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Audit;

/// <summary>"AWS Console Sign In via CloudTrail": root sign-ins and failures stand out.</summary>
internal sealed class ConsoleSignIn() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "signin.console",
        Source = "aws.signin",
        DetailTypes = ["AWS Console Sign In via CloudTrail"],
        Title = (d, _) => $"Console sign-in {(d.Path("responseElements"u8, "ConsoleLogin"u8).Text() == "Failure" ? "failed" : "succeeded")} for {CloudTrailApiCall.Who(d)}",
        Severity = d => d.Path("responseElements"u8, "ConsoleLogin"u8).Text() == "Failure" ? Severity.High
            : d.Path("userIdentity"u8, "type"u8).Text() == "Root" ? Severity.High
            : d.Path("additionalEventData"u8, "MFAUsed"u8).Text() == "No" ? Severity.Medium : Severity.Info,
        Summary = d => d.Str("errorMessage"u8),
        Fields = [new("Source IP", "sourceIPAddress"), new("User agent", "userAgent", false)],
        Extra = (b, d, _) => b.Field("Identity type", d.Path("userIdentity"u8, "type"u8).Text())
            .Field("MFA used", d.Path("additionalEventData"u8, "MFAUsed"u8).Text())
            .Field("Result", d.Path("responseElements"u8, "ConsoleLogin"u8).Text())
            .Time("Time", d.Str("eventTime"u8)),
        Link = (d, e) => ("CloudTrail event", ConsoleLinks.Service(d.Str("awsRegion"u8) ?? e.Region, "cloudtrailv2/home", "#/events/" + d.Str("eventID"u8))),
        Keywords = ["signin", "cloudtrail"],
    };
}
