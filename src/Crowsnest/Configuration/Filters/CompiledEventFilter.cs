using System.Text.Json;
using Crowsnest.Messages;

namespace Crowsnest.Configuration.Filters;

/// <summary>What the router knows about an event when it applies a configuration's filter.</summary>
/// <param name="EventType">The event type name (<c>cloudwatch.alarm</c>).</param>
/// <param name="Severity">The event's severity.</param>
/// <param name="Account">The AWS account, when known.</param>
/// <param name="Region">The region, when known.</param>
/// <param name="Payload">The parsed payload (for the event pattern), when JSON.</param>
public readonly record struct EventFacts(string EventType, Severity Severity, string? Account, string? Region, JsonElement Payload);

/// <summary>A configuration's event filter, compiled once per snapshot.</summary>
public sealed class CompiledEventFilter
{
    private readonly string[] _types;
    private readonly Severity? _minimum;
    private readonly HashSet<string> _accounts;
    private readonly HashSet<string> _regions;
    private readonly EventPattern? _pattern;

    private CompiledEventFilter(EventFilterDocument filter, Severity? minimum, EventPattern? pattern)
    {
        _types = [.. filter.EventTypes];
        _minimum = minimum;
        _accounts = [.. filter.Accounts];
        _regions = [.. filter.Regions];
        _pattern = pattern;
    }

    /// <summary>The filter that lets everything through.</summary>
    public static CompiledEventFilter All { get; } = new(new EventFilterDocument(), null, null);

    /// <summary>Compiles a (validated) filter document.</summary>
    public static CompiledEventFilter Compile(EventFilterDocument? filter)
    {
        if (filter is null)
        {
            return All;
        }
        Severity? minimum = Enum.TryParse<Severity>(filter.MinimumSeverity, ignoreCase: true, out var s) ? s : null;
        var pattern = filter.EventPattern is { } json ? EventPattern.TryCompile(json, out _) : null;
        return new CompiledEventFilter(filter, minimum, pattern);
    }

    /// <summary>Null when the event passes; otherwise why it does not (for the router's explanations).</summary>
    public string? Reject(EventFacts facts)
    {
        if (_types.Length > 0 && !_types.Any(t => TypeMatches(t, facts.EventType)))
        {
            return $"event type {facts.EventType} is not in the filter's event types";
        }
        if (_minimum is { } minimum && facts.Severity < minimum)
        {
            return $"severity {facts.Severity} is below the filter's minimum {minimum}";
        }
        if (_accounts.Count > 0 && (facts.Account is null || !_accounts.Contains(facts.Account)))
        {
            return $"account {facts.Account ?? "(unknown)"} is not in the filter's accounts";
        }
        if (_regions.Count > 0 && (facts.Region is null || !_regions.Contains(facts.Region)))
        {
            return $"region {facts.Region ?? "(unknown)"} is not in the filter's regions";
        }
        if (_pattern is not null && !_pattern.Matches(facts.Payload))
        {
            return "the payload does not match the filter's event pattern";
        }
        return null;
    }

    private static bool TypeMatches(string filter, string type) =>
        filter.EndsWith('*') ? type.StartsWith(filter[..^1], StringComparison.Ordinal) : filter == type;
}
