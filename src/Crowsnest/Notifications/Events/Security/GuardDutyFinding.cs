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
        else if (payload.Source is null && payload.Root.FirstItem("findings"u8) is { ValueKind: JsonValueKind.Object } first && IsFinding(first))
        {
            finding = first;
        }
        else
        {
            return false;
        }

        // Trimmed envelopes and API responses lack account, region or time: the finding itself has them.
        var fromEnvelope = EventFactory.FromEnvelope(payload, Name, GuardDutySeverity.Of(finding.Num("severity"u8)), finding);
        awsEvent = fromEnvelope with
        {
            Account = fromEnvelope.Account ?? finding.Str("accountId"u8),
            Region = fromEnvelope.Region ?? finding.Str("region"u8),
            TimeText = fromEnvelope.TimeText ?? finding.Str("updatedAt"u8),
            Time = fromEnvelope.Time ?? Timestamps.Parse(finding.Str("updatedAt"u8)),
            Source = "aws.guardduty",
            DetailType = "GuardDuty Finding",
        };
        return true;
    }

    public ChatMessage Render(AwsEvent awsEvent)
    {
        var finding = (JsonElement)awsEvent.State!;
        var score = finding.Num("severity"u8);
        var band = GuardDutySeverity.Label(awsEvent.Severity);
        var service = finding.Prop("service"u8);
        var resource = finding.Prop("resource"u8);
        var instance = resource.Path("instanceDetails"u8, "instanceId"u8).Text();
        var count = awsEvent.Parsed.Root.ItemCount("findings"u8);
        var builder = new MessageBuilder(awsEvent, $"GuardDuty: {finding.Str("title"u8) ?? finding.Str("type"u8)}")
            .Summary(finding.Str("description"u8))
            .Field("Severity", score is null ? band : $"{band} ({score.Value.ToString("0.#", CultureInfo.InvariantCulture)})")
            .Code("Type", finding.Str("type"u8), isShort: false)
            .Field("Resource", resource.Str("resourceType"u8))
            .Code("Instance", instance)
            .Field("Action", service.Path("action"u8, "actionType"u8).Text())
            .Field("Count", service.Str("count"u8))
            .Time("First seen", service.Str("eventFirstSeen"u8))
            .Time("Last seen", service.Str("eventLastSeen"u8))
            .Field("Archived", service.Bool("archived"u8) == true ? "yes" : null)
            .Section(count > 1 ? "More findings" : null, count > 1 ? $"This response holds {count} findings; the first is shown." : null)
            .Link("Finding", ConsoleLinks.Service(awsEvent.Region, "guardduty/home", "#/findings?search=id%3D" + ConsoleLinks.Escape(finding.Str("id"u8) ?? string.Empty)))
            .Thread("guardduty/" + (finding.Str("id"u8) ?? finding.Str("arn"u8)))
            .Update("guardduty/" + (finding.Str("id"u8) ?? finding.Str("arn"u8)))
            .Keywords("guardduty", band, finding.Str("type"u8));
        return builder.Build();
    }

    private static bool IsFinding(JsonElement candidate) =>
        candidate.Has("type"u8) && candidate.Has("severity"u8)
        && (candidate.Path("service"u8, "serviceName"u8).Text() == "guardduty" || candidate.Str("arn"u8)?.Contains(":guardduty:", StringComparison.Ordinal) == true);
}
