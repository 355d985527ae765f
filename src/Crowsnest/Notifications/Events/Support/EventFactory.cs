using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Charts;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Support;

/// <summary>Creates <see cref="AwsEvent"/>s with their common fields read from the payload.</summary>
internal static class EventFactory
{
    /// <summary>An event whose common fields come from an EventBridge-style envelope (<c>account</c>, <c>region</c>, <c>time</c>, <c>resources</c>).</summary>
    public static AwsEvent FromEnvelope(ParsedPayload payload, string typeName, Severity severity, object? state = null)
    {
        var time = payload.TimeValue.Text();
        return new AwsEvent
        {
            TypeName = typeName,
            Notification = payload.Notification,
            Payload = payload.Root,
            Parsed = payload,
            Account = payload.AccountValue.Text(),
            Region = payload.RegionValue.Text(),
            TimeText = time,
            Time = Timestamps.Parse(time) ?? payload.Notification.Timestamp,
            Severity = severity,
            Source = payload.Source,
            DetailType = payload.DetailType,
            Resources = payload.ResourcesValue.StringList(),
            State = state,
        };
    }

    /// <summary>An event whose common fields are given explicitly (SNS text and JSON forms).</summary>
    public static AwsEvent Create(
        ParsedPayload payload,
        string typeName,
        Severity severity,
        string? source,
        string? detailType,
        string? account = null,
        string? region = null,
        string? time = null,
        IReadOnlyList<string>? resources = null,
        object? state = null,
        MetricChartRequest? chart = null)
    {
        if ((account is null || region is null) && resources is { Count: > 0 } && Arn.Parse(resources[0]) is { } arn)
        {
            account ??= arn.Account.Length > 0 ? arn.Account : null;
            region ??= arn.Region.Length > 0 ? arn.Region : null;
        }

        if (account is null || region is null)
        {
            var topic = Arn.Parse(payload.Notification.TopicArn);
            account ??= topic?.Account;
            region ??= topic?.Region;
        }

        return new AwsEvent
        {
            TypeName = typeName,
            Notification = payload.Notification,
            Payload = payload.IsJsonObject ? payload.Root : default(JsonElement),
            Parsed = payload,
            Account = account,
            Region = region,
            TimeText = time,
            Time = Timestamps.Parse(time) ?? payload.Notification.Timestamp,
            Severity = severity,
            Source = source,
            DetailType = detailType,
            Resources = resources ?? [],
            State = state,
            Chart = chart,
        };
    }
}
