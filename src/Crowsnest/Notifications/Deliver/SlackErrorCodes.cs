namespace Crowsnest.Notifications.Deliver;

/// <summary>
/// How Slack's <c>ok:false</c> error codes are treated. Only the codes below are worth retrying; every other code
/// (<c>channel_not_found</c>, <c>invalid_auth</c>, <c>not_in_channel</c>, <c>is_archived</c>, <c>msg_too_long</c>,
/// <c>invalid_blocks</c>, and any code Slack adds later) is permanent, so nothing is retried for a day in vain.
/// </summary>
public static class SlackErrorCodes
{
    /// <summary>Codes that mean "try again later".</summary>
    public static readonly IReadOnlySet<string> Retryable = new HashSet<string>(StringComparer.Ordinal)
    {
        "ratelimited",
        "rate_limited",
        "message_limit_exceeded",
        "internal_error",
        "fatal_error",
        "service_unavailable",
        "request_timeout",
        "update_failed",
        "file_update_failed",
        "team_added_to_org",
    };

    /// <summary>True when <paramref name="error"/> may succeed on a later attempt.</summary>
    public static bool IsRetryable(string error) => Retryable.Contains(error);
}
