using System.Globalization;
using System.Text.Json.Nodes;
using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Notifications.Charts;

/// <summary>
/// Fetches an alarm's datapoints with CloudWatch <c>GetMetricData</c> through the AWS engine, with the credentials
/// given (the channel role's, see <see cref="ForRole"/>). Every expected failure — credentials that cannot be had,
/// a refused or unanswered call, a query CloudWatch reports as failed — comes back as
/// <see cref="MetricDataResult.Failed"/> with a reason for chat.
/// </summary>
/// <param name="invoker">Runs the call (its options give the endpoint).</param>
/// <param name="models">The AWS models (for <c>cloudwatch GetMetricData</c>).</param>
/// <param name="credentials">The credentials to call with, or the refusal to report.</param>
public sealed class CloudWatchMetricDataSource(IAwsInvoker invoker, ServiceCatalog models, Func<CancellationToken, Task<AssumeRoleResult>> credentials) : IMetricDataSource
{
    /// <summary>
    /// A source that calls with <paramref name="roleArn"/>'s credentials (assumed by <paramref name="assumer"/>), or,
    /// when no role is given, with <paramref name="defaultCredentials"/> (the default chain).
    /// </summary>
    public static CloudWatchMetricDataSource ForRole(IAwsInvoker invoker, ServiceCatalog models, RoleAssumer assumer, string? roleArn,
        Func<CancellationToken, Task<AwsCredentials>> defaultCredentials)
    {
        ArgumentNullException.ThrowIfNull(assumer);
        ArgumentNullException.ThrowIfNull(defaultCredentials);
        return new CloudWatchMetricDataSource(invoker, models, async ct => roleArn is null
            ? new AssumeRoleResult.Assumed(await defaultCredentials(ct))
            : await assumer.AssumeAsync(new RoleSession(roleArn, "notifications", "charts"), ct));
    }

    /// <inheritdoc />
    public async Task<MetricDataResult> FetchAsync(MetricChartRequest request, ChartWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Queries.Count == 0)
        {
            return MetricDataResult.Failed("the alarm names no metric to chart");
        }
        AssumeRoleResult who;
        try
        {
            who = await credentials(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The default chain throws when it finds nothing; the message names no secret.
            return MetricDataResult.Failed($"no AWS credentials to read the metrics with ({e.Message})");
        }
        if (who is AssumeRoleResult.Refused refused)
        {
            return MetricDataResult.Failed($"the channel role could not be assumed ({refused.Error.Code}): {refused.Error.Message}");
        }
        var operation = models.Find("cloudwatch")?.Operation("GetMetricData")
            ?? throw new InvalidOperationException("The AWS models have no cloudwatch GetMetricData.");
        var ids = Ids(request.Queries);
        var call = new AwsCall(operation, MetricDataInput.Build(request.Queries, ids, window), request.Region, new OutputOptions());
        var result = await invoker.InvokeAsync(call, ((AssumeRoleResult.Assumed)who).Credentials, cancellationToken);
        return result switch
        {
            AwsResult.Failure failure => MetricDataResult.Failed($"CloudWatch refused GetMetricData: {failure.PlainMessage}"),
            AwsResult.Success success => Series(request.Queries, ids, success.Output),
            _ => MetricDataResult.Failed("CloudWatch gave no answer"),
        };
    }

    // GetMetricData ids must start with a lower-case letter; metric-math expressions refer to the alarm's own ids.
    private static List<string> Ids(IReadOnlyList<MetricQuery> queries) =>
        [.. queries.Select((q, i) => q.Id ?? string.Create(CultureInfo.InvariantCulture, $"m{i}"))];

    private static MetricDataResult Series(IReadOnlyList<MetricQuery> queries, List<string> ids, JsonObject output)
    {
        // Pages may split one query's points over several entries: gather them by id.
        var points = new Dictionary<string, List<MetricPoint>>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var entry in (output["MetricDataResults"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var id = (string?)entry["Id"] ?? "";
            if ((string?)entry["StatusCode"] is "InternalError" or "Forbidden")
            {
                problems.Add($"{id}: {(string?)entry["StatusCode"]}");
            }
            var list = points.TryGetValue(id, out var known) ? known : points[id] = [];
            var times = entry["Timestamps"] as JsonArray ?? [];
            var values = entry["Values"] as JsonArray ?? [];
            for (var i = 0; i < Math.Min(times.Count, values.Count); i++)
            {
                if (times[i] is JsonValue t && Timestamps.TryParse(t.ToString(), out var time) && values[i] is JsonValue v && v.TryGetValue<double>(out var value))
                {
                    list.Add(new MetricPoint(time, value));
                }
            }
        }
        if (problems.Count > 0 && points.Values.All(p => p.Count == 0))
        {
            return MetricDataResult.Failed($"CloudWatch could not return the metric data ({string.Join(", ", problems)})");
        }
        var series = new List<MetricSeries>();
        for (var i = 0; i < queries.Count; i++)
        {
            if (points.TryGetValue(ids[i], out var found))
            {
                series.Add(new MetricSeries(MetricDataInput.Label(queries[i]), [.. found.OrderBy(p => p.Time)], queries[i].ReturnData));
            }
        }
        return MetricDataResult.Ok(series);
    }
}
