using Crowsnest.Messages;

namespace Crowsnest.Notifications.Events.Support;

/// <summary>Maps the status words AWS services use to a severity.</summary>
internal static class StatusSeverity
{
    /// <summary>A severity for a status such as <c>FAILED</c>, <c>SUCCEEDED</c>, <c>RUNNING</c>; Info when unknown.</summary>
    public static Severity Of(string? status)
    {
        if (string.IsNullOrEmpty(status))
        {
            return Severity.Info;
        }

        var s = status.ToUpperInvariant().Replace(' ', '_').Replace('-', '_');
        if (s.Contains("FAIL", StringComparison.Ordinal) || s.Contains("ERROR", StringComparison.Ordinal)
            || s is "TIMED_OUT" or "TIMEOUT" or "ABORTED" or "UNHEALTHY" or "DEGRADED" or "SEVERE" or "NON_COMPLIANT" or "IMPAIRED")
        {
            return Severity.High;
        }

        if (s is "SUCCEEDED" or "SUCCESS" or "SUCCESSFUL" or "COMPLETED" or "COMPLETE" or "PASSED" or "OK" or "AVAILABLE"
            or "CREATE_COMPLETE" or "UPDATE_COMPLETE" or "DELETE_COMPLETE" or "COMPLIANT" or "ACTIVE" or "RESOLVED" or "CLOSED")
        {
            return Severity.Success;
        }

        if (s.Contains("ROLLBACK", StringComparison.Ordinal) || s is "STOPPED" or "CANCELLED" or "CANCELED" or "ABANDONED"
            or "EXPIRED" or "WARN" or "WARNING" or "DRIFTED" or "SUPERSEDED" or "PARTIAL" or "OUTDATED")
        {
            return Severity.Medium;
        }

        return Severity.Info;
    }
}
