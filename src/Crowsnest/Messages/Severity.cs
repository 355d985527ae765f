namespace Crowsnest.Messages;

/// <summary>How urgent a chat message is; drives colour and emoji on every platform.</summary>
public enum Severity
{
    /// <summary>No judgement could be made.</summary>
    None = 0,

    /// <summary>A good outcome: an alarm back to OK, a pipeline that succeeded.</summary>
    Success,

    /// <summary>Informational.</summary>
    Info,

    /// <summary>Low severity finding or warning.</summary>
    Low,

    /// <summary>Medium severity.</summary>
    Medium,

    /// <summary>High severity: an alarm in ALARM, a failed deployment.</summary>
    High,

    /// <summary>Critical severity.</summary>
    Critical,
}
