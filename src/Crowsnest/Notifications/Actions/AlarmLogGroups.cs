using System.Text.RegularExpressions;
using Crowsnest.Notifications.Charts;
using Crowsnest.Notifications.Events.CloudWatch;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Actions;

/// <summary>The log groups an alarm's logs are in, and the window to read.</summary>
/// <param name="LogGroups">Distinct log group names, most specific first.</param>
/// <param name="Start">Start of the alarm's evaluation window (periods × evaluation periods before the change).</param>
/// <param name="End">When the alarm changed state.</param>
/// <param name="Region">The alarm's region.</param>
public sealed record AlarmLogWindow(IReadOnlyList<string> LogGroups, DateTimeOffset Start, DateTimeOffset End, string Region);

/// <summary>
/// Finds where a CloudWatch alarm's logs are, for the "Show logs" buttons. The rules, in order:
/// <list type="number">
/// <item>the alarm's description names it: a line or phrase <c>log group: NAME</c> (also <c>log-group=</c>,
/// <c>LogGroup:</c>) — the way to give one for metric-filter alarms, whose event does not name their log group;</item>
/// <item><c>AWS/Lambda</c> metrics with a <c>FunctionName</c> dimension: <c>/aws/lambda/&lt;FunctionName&gt;</c>;</item>
/// <item><c>AWS/Logs</c> metrics with a <c>LogGroupName</c> dimension: that log group;</item>
/// <item><c>AWS/CodeBuild</c> metrics with a <c>ProjectName</c> dimension: <c>/aws/codebuild/&lt;ProjectName&gt;</c>.</item>
/// </list>
/// API Gateway (REST metrics carry the API's name, but execution logs are named by its id; HTTP APIs have no
/// default log group) and ECS (the log group is set per task definition) are not derivable from the alarm alone:
/// name their log group in the description. Only alarms going into ALARM get the buttons.
/// </summary>
public static partial class AlarmLogGroups
{
    /// <summary>At most this many log groups get buttons.</summary>
    public const int MaxLogGroups = 2;

    /// <summary>The alarm's log window, or null when the event is not an alarm going into ALARM or no log group is known.</summary>
    public static AlarmLogWindow? Find(AwsEvent awsEvent)
    {
        ArgumentNullException.ThrowIfNull(awsEvent);
        if (awsEvent.Chart is not { NewState: "ALARM" } chart)
        {
            return null;
        }
        var description = (awsEvent.State as AlarmSnapshot)?.Description;
        var groups = FromDescription(description).Concat(chart.Queries.SelectMany(FromMetric))
            .Distinct(StringComparer.Ordinal).Take(MaxLogGroups).ToList();
        if (groups.Count == 0)
        {
            return null;
        }
        var period = chart.Queries.FirstOrDefault(q => q.ReturnData)?.Period ?? chart.Queries[0].Period;
        if (period <= TimeSpan.Zero)
        {
            period = TimeSpan.FromMinutes(5);
        }
        var window = period * Math.Max(1, chart.EvaluationPeriods);
        return new AlarmLogWindow(groups, chart.StateChangeTime - window, chart.StateChangeTime, chart.Region);
    }

    /// <summary>The log groups an alarm description names.</summary>
    public static IEnumerable<string> FromDescription(string? description) =>
        description is null ? [] : DescriptionPattern().Matches(description).Select(m => m.Groups["name"].Value.TrimEnd('.', ',', ';', ')'));

    /// <summary>The log group a metric's namespace and dimensions imply, if any.</summary>
    public static IEnumerable<string> FromMetric(MetricQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var group = query.Namespace switch
        {
            "AWS/Lambda" when query.Dimensions.TryGetValue("FunctionName", out var function) => "/aws/lambda/" + function,
            "AWS/Logs" when query.Dimensions.TryGetValue("LogGroupName", out var name) => name,
            "AWS/CodeBuild" when query.Dimensions.TryGetValue("ProjectName", out var project) => "/aws/codebuild/" + project,
            _ => null,
        };
        return group is null ? [] : [group];
    }

    [GeneratedRegex(@"\blog[ _-]?group(?:[ _-]?name)?\s*[:=]\s*(?<name>[A-Za-z0-9_./#-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex DescriptionPattern();
}
