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
        Title = (d, _) => $"Console sign-in {(d.Path("responseElements", "ConsoleLogin").Text() == "Failure" ? "failed" : "succeeded")} for {CloudTrailApiCall.Who(d)}",
        Severity = d => d.Path("responseElements", "ConsoleLogin").Text() == "Failure" ? Severity.High
            : d.Path("userIdentity", "type").Text() == "Root" ? Severity.High
            : d.Path("additionalEventData", "MFAUsed").Text() == "No" ? Severity.Medium : Severity.Info,
        Summary = d => d.Str("errorMessage"),
        Fields = [new("Source IP", "sourceIPAddress"), new("User agent", "userAgent", false)],
        Extra = (b, d, _) => b.Field("Identity type", d.Path("userIdentity", "type").Text())
            .Field("MFA used", d.Path("additionalEventData", "MFAUsed").Text())
            .Field("Result", d.Path("responseElements", "ConsoleLogin").Text())
            .Time("Time", d.Str("eventTime")),
        Link = (d, e) => ("CloudTrail event", ConsoleLinks.Service(d.Str("awsRegion") ?? e.Region, "cloudtrailv2/home", "#/events/" + d.Str("eventID"))),
        Keywords = ["signin", "cloudtrail"],
    };
}
