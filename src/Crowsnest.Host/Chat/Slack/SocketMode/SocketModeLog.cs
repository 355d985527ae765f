namespace Crowsnest.Host.Chat.Slack.SocketMode;

/// <summary>Socket Mode log lines (team ids and Slack error codes only, never a token or a URL with a ticket).</summary>
internal static partial class SocketModeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode for {TeamId}: connected ({Connections} connection(s) so far).")]
    public static partial void Connected(ILogger logger, string teamId, int connections);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode for {TeamId}: Slack asked to reconnect ({Reason}).")]
    public static partial void Disconnect(ILogger logger, string teamId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode for {TeamId}: connection lost ({Problem}); reconnecting in {Delay}.")]
    public static partial void Lost(ILogger logger, string teamId, string problem, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode for {TeamId}: apps.connections.open refused the app-level token ({Error}). Socket Mode stays off for this workspace until its app token (xapp-..., scope connections:write) is replaced.")]
    public static partial void Refused(ILogger logger, string teamId, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack Socket Mode for {TeamId}: handling a {Type} envelope failed (correlation id {CorrelationId}); it was acknowledged empty.")]
    public static partial void DispatchFailed(ILogger logger, Exception exception, string teamId, string type, string correlationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode for {TeamId}: a {Type} envelope was not answered within the ack budget; acknowledged empty.")]
    public static partial void SlowDispatch(ILogger logger, string teamId, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode is configured for some workspaces, but no Slack inbound handler is registered; Socket Mode stays off.")]
    public static partial void NoInbound(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode for {TeamId}: a {Type} envelope was refused ({Reason}); acknowledged and not handled.")]
    public static partial void Foreign(ILogger logger, string teamId, string type, string reason);
}
