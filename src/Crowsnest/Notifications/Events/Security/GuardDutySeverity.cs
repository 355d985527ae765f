using Crowsnest.Messages;

namespace Crowsnest.Notifications.Events.Security;

/// <summary>GuardDuty's severity bands: low below 4, medium below 7, high below 9, critical from 9.</summary>
public static class GuardDutySeverity
{
    /// <summary>The band of a numeric GuardDuty severity.</summary>
    public static Severity Of(double? score) => score switch
    {
        null => Severity.Info,
        < 4 => Severity.Low,
        < 7 => Severity.Medium,
        < 9 => Severity.High,
        _ => Severity.Critical,
    };

    /// <summary>The band's name as GuardDuty shows it.</summary>
    public static string Label(Severity severity) => severity switch
    {
        Severity.Low => "Low",
        Severity.Medium => "Medium",
        Severity.High => "High",
        Severity.Critical => "Critical",
        _ => "Unknown",
    };
}
