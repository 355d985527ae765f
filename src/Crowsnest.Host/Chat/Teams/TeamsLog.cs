namespace Crowsnest.Host.Chat.Teams;

/// <summary>Teams bot log lines (ids and reasons only; never a token or the app password).</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity refused (401): {Reason}.")]
    public static partial void Refused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Teams activity not checked (503): {Reason}.")]
    public static partial void KeysUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity from tenant {TenantId} ignored: no Teams channel configuration names that tenant.")]
    public static partial void UnknownTenant(ILogger logger, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity refused (503): the chat work queue is full.")]
    public static partial void Busy(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Teams activity ignored: the command handler is not available.")]
    public static partial void NoHandler(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Teams activity {ActivityId} was already taken; not run again.")]
    public static partial void Duplicate(ILogger logger, string activityId);
}
