using System.Globalization;
using System.Text;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Commands.Chat.Shortcuts.ShowLogs;

/// <summary>
/// A link that opens a query in the CloudWatch Logs Insights console. The console keeps the query in the URL
/// fragment in its own encoding: a <c>~(key~'value…)</c> structure whose values are URI-escaped with <c>*</c> in
/// place of <c>%</c>, behind <c>?queryDetail=</c> escaped with <c>$</c> in place of <c>%</c>.
/// </summary>
public static class LogsInsightsLink
{
    /// <summary>The console link, or null when the request names no region.</summary>
    public static string? For(ShowLogsRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Region is not { Length: > 0 } region || !region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return null;
        }
        var detail = new StringBuilder("~(end~'").Append(Value(Timestamps.Iso8601(request.End)))
            .Append("~start~'").Append(Value(Timestamps.Iso8601(request.Start)))
            .Append("~timeType~'ABSOLUTE~tz~'UTC~editorString~'").Append(Value(LogsInsightsQueries.For(request)))
            .Append("~source~(~'").Append(Value(request.LogGroup)).Append("))");
        var host = region.StartsWith("cn-", StringComparison.Ordinal) ? "https://console.amazonaws.cn" : $"https://{region}.console.aws.amazon.com";
        return string.Create(CultureInfo.InvariantCulture, $"{host}/cloudwatch/home?region={region}#logsV2:logs-insights$3FqueryDetail$3D{detail}");
    }

    // "~" delimits the structure, so it is escaped too (EscapeDataString leaves it).
    private static string Value(string text) =>
        Uri.EscapeDataString(text).Replace("~", "%7E", StringComparison.Ordinal).Replace("%", "*", StringComparison.Ordinal);
}
