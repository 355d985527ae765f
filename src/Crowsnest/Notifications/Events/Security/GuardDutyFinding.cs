using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Security;

/// <summary>
/// GuardDuty findings: the EventBridge "GuardDuty Finding" event, trimmed envelopes that keep only
/// <c>region</c>/<c>detail</c>, and a GetFindings response body (<c>findings[]</c>). One finding id is one thread.
/// </summary>
internal sealed class GuardDutyFinding : IEventType
{
    public string Name => "guardduty.finding";

    public bool TryRecognize(ParsedPayload payload, [NotNullWhen(true)] out AwsEvent? awsEvent)
    {
        awsEvent = null;
        if (!payload.IsJsonObject)
        {
            return false;
        }

        JsonElement finding;
        if (payload.DetailType == "GuardDuty Finding" && (payload.Source is null or "aws.guardduty") && payload.HasDetail)
        {
            finding = payload.Detail;
        }
        else if (payload.Source is null && payload.HasDetail && IsFinding(payload.Detail))
        {
            finding = payload.Detail;
        }
        else if (payload.Source is null && payload.Root.Items("findings").FirstOrDefault() is { ValueKind: JsonValueKind.Object } first && IsFinding(first))
        {
            finding = first;
        }
        else
        {
            return false;
        }

        // Trimmed envelopes and API responses lack account, region or time: the finding itself has them.
        var fromEnvelope = EventFactory.FromEnvelope(payload, Name, GuardDutySeverity.Of(finding.Num("severity")), finding);
        awsEvent = fromEnvelope with
        {
            Account = fromEnvelope.Account ?? finding.Str("accountId"),
            Region = fromEnvelope.Region ?? finding.Str("region"),
            TimeText = fromEnvelope.TimeText ?? finding.Str("updatedAt"),
            Time = fromEnvelope.Time ?? Timestamps.Parse(finding.Str("updatedAt")),
            Source = "aws.guardduty",
            DetailType = "GuardDuty Finding",
        };
        return true;
    }

    public ChatMessage Render(AwsEvent awsEvent)
    {
        var finding = (JsonElement)awsEvent.State!;
        var score = finding.Num("severity");
        var band = GuardDutySeverity.Label(awsEvent.Severity);
        var service = finding.Prop("service");
        var resource = finding.Prop("resource");
        var instance = resource.Path("instanceDetails", "instanceId").Text();
        var count = awsEvent.Parsed.Root.Items("findings").Count();
        var builder = new MessageBuilder(awsEvent, $"GuardDuty: {finding.Str("title") ?? finding.Str("type")}")
            .Summary(finding.Str("description"))
            .Field("Severity", score is null ? band : $"{band} ({score.Value.ToString("0.#", CultureInfo.InvariantCulture)})")
            .Code("Type", finding.Str("type"), isShort: false)
            .Field("Resource", resource.Str("resourceType"))
            .Code("Instance", instance)
            .Field("Action", service.Path("action", "actionType").Text())
            .Field("Count", service.Str("count"))
            .Time("First seen", service.Str("eventFirstSeen"))
            .Time("Last seen", service.Str("eventLastSeen"))
            .Field("Archived", service.Bool("archived") == true ? "yes" : null)
            .Section(count > 1 ? "More findings" : null, count > 1 ? $"This response holds {count} findings; the first is shown." : null)
            .Link("Finding", ConsoleLinks.Service(awsEvent.Region, "guardduty/home", "#/findings?search=id%3D" + ConsoleLinks.Escape(finding.Str("id") ?? string.Empty)))
            .Thread("guardduty/" + (finding.Str("id") ?? finding.Str("arn")))
            .Update("guardduty/" + (finding.Str("id") ?? finding.Str("arn")))
            .Keywords("guardduty", band, finding.Str("type"));
        return builder.Build();
    }

    private static bool IsFinding(JsonElement candidate) =>
        candidate.Has("type") && candidate.Has("severity")
        && (candidate.Path("service", "serviceName").Text() == "guardduty" || candidate.Str("arn")?.Contains(":guardduty:", StringComparison.Ordinal) == true);
}
