using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Support;

/// <summary>An event type declared by an <see cref="EventSpec"/>.</summary>
internal abstract class DescribedEventType(EventSpec spec) : IEventType, ISourceScoped
{
    public string Name => spec.Name;

    public string? OnlySource => spec.Matches is null ? spec.Source : null;

    public bool TryRecognize(ParsedPayload payload, [NotNullWhen(true)] out AwsEvent? awsEvent)
    {
        awsEvent = null;
        bool viaEnvelope = spec.Source is not null && payload.IsFrom(spec.Source)
            && (spec.DetailTypes is null || (payload.DetailType is { } type && spec.DetailTypes.Contains(type)));
        if (!viaEnvelope && (spec.Matches is null || !spec.Matches(payload)))
        {
            return false;
        }

        var detail = DetailOf(payload);
        var severity = spec.SeverityByDetailType is { } byType && payload.DetailType is { } detailType && byType.TryGetValue(detailType, out var fixedSeverity)
            ? fixedSeverity
            : spec.Severity?.Invoke(detail) ?? StatusSeverity.Of(spec.Status?.Invoke(detail));
        if (viaEnvelope || payload.Source is not null)
        {
            awsEvent = EventFactory.FromEnvelope(payload, Name, severity);
            if (spec.Origin is not null && (awsEvent.Account is null || awsEvent.Region is null))
            {
                var (account, region, _) = spec.Origin(detail);
                awsEvent = awsEvent with { Account = awsEvent.Account ?? account, Region = awsEvent.Region ?? region };
            }
        }
        else
        {
            var (account, region, time) = spec.Origin?.Invoke(detail) ?? default;
            awsEvent = EventFactory.Create(payload, Name, severity, spec.Source, payload.DetailType, account, region, time);
        }

        return true;
    }

    public ChatMessage Render(AwsEvent awsEvent)
    {
        var detail = DetailOf(awsEvent.Parsed);
        var builder = new MessageBuilder(awsEvent, spec.Title(detail, awsEvent))
            .Summary(spec.Summary?.Invoke(detail));
        foreach (var field in spec.Fields)
        {
            var value = detail.Str(field.Utf8Key);
            builder.Field(field.Label, value is not null && value.StartsWith("arn:", StringComparison.Ordinal) ? Md.Code(value) : value, field.IsShort);
        }

        spec.Extra?.Invoke(builder, detail, awsEvent);
        if (spec.Link?.Invoke(detail, awsEvent) is { } link)
        {
            builder.Link(link.Text, link.Url);
        }

        var thread = spec.ThreadKey?.Invoke(detail, awsEvent);
        builder.Thread(thread).Update(spec.UpdateKey?.Invoke(detail, awsEvent));
        foreach (var keyword in spec.Keywords)
        {
            builder.Keywords(keyword);
        }

        return builder.Keywords(awsEvent.Source).Build();
    }

    /// <summary>The EventBridge <c>detail</c>, or the body itself for the SNS JSON and text forms.</summary>
    protected static JsonElement DetailOf(ParsedPayload payload) => payload.HasDetail ? payload.Detail : payload.Root;
}
