namespace Crowsnest.Commands.Chat.Shortcuts.ShowLogs;

/// <summary>The CloudWatch Logs Insights queries behind "Show logs" and "Show error logs".</summary>
public static class LogsInsightsQueries
{
    /// <summary>How many entries are shown (AWS Chatbot shows the first 30).</summary>
    public const int Limit = 30;

    /// <summary>The first entries of the window, oldest first.</summary>
    public static string All { get; } = $"fields @timestamp, @message, @logStream | sort @timestamp asc | limit {Limit}";

    /// <summary>The first entries of the window that mention Error, Exception or Fail (any case), oldest first.</summary>
    public static string Errors { get; } =
        $"fields @timestamp, @message, @logStream | filter @message like /(?i)(error|exception|fail)/ | sort @timestamp asc | limit {Limit}";

    /// <summary>The query for a request.</summary>
    public static string For(ShowLogsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.ErrorsOnly ? Errors : All;
    }
}
