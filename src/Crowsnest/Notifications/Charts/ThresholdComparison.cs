namespace Crowsnest.Notifications.Charts;

/// <summary>Whether a value breaches a static threshold under a CloudWatch comparison operator.</summary>
internal static class ThresholdComparison
{
    /// <summary>True when the operator is one of the four static-threshold operators.</summary>
    public static bool IsStatic(string? op) =>
        op is "GreaterThanThreshold" or "GreaterThanOrEqualToThreshold" or "LessThanThreshold" or "LessThanOrEqualToThreshold";

    public static bool Breaches(string? op, double value, double threshold) => op switch
    {
        "GreaterThanThreshold" => value > threshold,
        "GreaterThanOrEqualToThreshold" => value >= threshold,
        "LessThanThreshold" => value < threshold,
        "LessThanOrEqualToThreshold" => value <= threshold,
        _ => false,
    };
}
