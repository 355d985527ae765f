using System.Text.Json;
using Crowsnest.Messages;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Support;

/// <summary>A labelled value read from the event's detail by key (kept as UTF-8: encoded once, not per lookup).</summary>
internal readonly struct FieldSpec(string label, string key, bool isShort = true)
{
    public string Label { get; } = label;

    public byte[] Utf8Key { get; } = System.Text.Encoding.UTF8.GetBytes(key);

    public bool IsShort { get; } = isShort;
}

/// <summary>
/// What an event type recognises and how it renders, declared as data. <c>d</c> in the delegates is the event's
/// detail object (the EventBridge <c>detail</c>, or the whole body for SNS JSON forms).
/// </summary>
internal sealed record EventSpec
{
    public required string Name { get; init; }

    /// <summary>The EventBridge source this type handles (null when only <see cref="Matches"/> decides).</summary>
    public string? Source { get; init; }

    /// <summary>Detail types handled; null for any detail type of <see cref="Source"/>.</summary>
    public IReadOnlyList<string>? DetailTypes { get; init; }

    /// <summary>Other forms (SNS JSON, text): when it returns true the body itself is the detail.</summary>
    public Func<ParsedPayload, bool>? Matches { get; init; }

    public required Func<JsonElement, AwsEvent, string> Title { get; init; }

    /// <summary>The status word that decides severity (see <see cref="StatusSeverity"/>).</summary>
    public Func<JsonElement, string?>? Status { get; init; }

    /// <summary>Overrides the status-based severity.</summary>
    public Func<JsonElement, Severity>? Severity { get; init; }

    /// <summary>Severity decided by the detail type alone (checked before <see cref="Severity"/>).</summary>
    public IReadOnlyDictionary<string, Severity>? SeverityByDetailType { get; init; }

    public Func<JsonElement, string?>? Summary { get; init; }

    public IReadOnlyList<FieldSpec> Fields { get; init; } = [];

    /// <summary>Anything more the rendering needs (sections, computed fields, extra links).</summary>
    public Action<MessageBuilder, JsonElement, AwsEvent>? Extra { get; init; }

    /// <summary>The resource's console page.</summary>
    public Func<JsonElement, AwsEvent, (string Text, string? Url)>? Link { get; init; }

    public Func<JsonElement, AwsEvent, string?>? ThreadKey { get; init; }

    public Func<JsonElement, AwsEvent, string?>? UpdateKey { get; init; }

    /// <summary>Account and region for forms without an EventBridge envelope.</summary>
    public Func<JsonElement, (string? Account, string? Region, string? Time)>? Origin { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];
}
