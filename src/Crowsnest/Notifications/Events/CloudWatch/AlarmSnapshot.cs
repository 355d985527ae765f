using Crowsnest.Notifications.Charts;

namespace Crowsnest.Notifications.Events.CloudWatch;

/// <summary>A child alarm of a composite alarm, as the state change reports it.</summary>
internal sealed record TriggeringChild(string Name, string? Arn, string? State, string? TimeText);

/// <summary>
/// One alarm state change, normalised from any of its shapes (classic SNS JSON, EventBridge, Lambda alarm action).
/// </summary>
internal sealed record AlarmSnapshot
{
    public required string Name { get; init; }

    public string? Arn { get; init; }

    public string? Description { get; init; }

    public string? Account { get; init; }

    /// <summary>Region code when known, otherwise what the message said (a display name).</summary>
    public string? Region { get; init; }

    public required string NewState { get; init; }

    public string? OldState { get; init; }

    public string? Reason { get; init; }

    public string? StateTimeText { get; init; }

    /// <summary>Which shape it came in: <c>sns</c>, <c>eventbridge</c>, <c>alarm-action</c>, <c>hybrid</c>.</summary>
    public required string Shape { get; init; }

    public string? AlarmRule { get; init; }

    public bool IsComposite => AlarmRule is not null;

    public IReadOnlyList<TriggeringChild> TriggeringChildren { get; init; } = [];

    public IReadOnlyList<MetricQuery> Queries { get; init; } = [];

    public IReadOnlyList<string> QueryLabels { get; init; } = [];

    public double? Threshold { get; init; }

    public string? ThresholdText { get; init; }

    public string? ComparisonOperator { get; init; }

    public int EvaluationPeriods { get; init; } = 1;

    public int? DatapointsToAlarm { get; init; }

    public string? TreatMissingData { get; init; }

    public string? ActionsSuppressedBy { get; init; }

    public string? ActionsSuppressedReason { get; init; }

    public string? ActionsSuppressor { get; init; }

    public bool IsAnomalyDetection => Queries.Any(q => q.Expression?.Contains("ANOMALY_DETECTION_BAND", StringComparison.OrdinalIgnoreCase) == true);
}
