using System.Text.Json.Nodes;
using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Notifications.Charts;
using Crowsnest.Testing;
using Crowsnest.Tests.Aws;
using Crowsnest.Tests.Commands.Execute;
using SkiaSharp;

namespace Crowsnest.Tests.Notifications.Charts;

/// <summary>GetMetricData through the AWS engine against moto, drawn with the chart drawer.</summary>
public sealed class CloudWatchMetricDataSourceTests
{
    [Fact]
    public async Task Points_put_into_CloudWatch_come_back_for_the_alarm_and_are_drawn()
    {
        var moto = await MotoAws.SharedAsync();
        var (request, window, values) = await PutPointsAsync(moto);
        var source = new CloudWatchMetricDataSource(moto.Invoker, TestModels.Catalog, _ => Task.FromResult<AssumeRoleResult>(new AssumeRoleResult.Assumed(MotoAws.TestCredentials)));

        var result = await source.FetchAsync(request, window, CancellationToken.None);

        Assert.Null(result.Error);
        var series = Assert.Single(result.Series);
        Assert.Equal("CPUUtilization (Maximum)", series.Label);
        Assert.Equal(values, series.Points.Select(p => p.Value));
        Assert.True(series.Points.Zip(series.Points.Skip(1)).All(pair => pair.First.Time < pair.Second.Time), "points are oldest first");
        var png = new MetricChartDrawer().Draw(request, result.Series, window);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(800, bitmap.Width);
    }

    [Fact]
    public async Task With_a_role_ARN_the_source_assumes_the_channel_role_first()
    {
        var moto = await MotoAws.SharedAsync();
        var (request, window, values) = await PutPointsAsync(moto);
        var endpoints = new AwsEndpointOptions { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = moto.Url } };
        var assumer = new RoleAssumer(_ => Task.FromResult(MotoAws.TestCredentials), endpoints, TimeProvider.System);
        var source = CloudWatchMetricDataSource.ForRole(moto.Invoker, TestModels.Catalog, assumer, "arn:aws:iam::123456789012:role/chat-channel",
            _ => throw new InvalidOperationException("the default chain must not be used when a role is given"));

        var result = await source.FetchAsync(request, window, CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(values, Assert.Single(result.Series).Points.Select(p => p.Value));
    }

    [Fact]
    public async Task Unreachable_CloudWatch_and_missing_credentials_are_failed_results_with_a_reason()
    {
        using var http = new HttpClient();
        var unreachable = new AwsInvoker(http, new AwsInvokerOptions
        {
            Endpoints = new AwsEndpointOptions { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}" } },
            MaxRetries = 0,
        });
        var request = ChartSamples.Request();
        var window = ChartWindow.Around(request, ChartSamples.StateChange.AddHours(1));
        var noAnswer = new CloudWatchMetricDataSource(unreachable, TestModels.Catalog, _ => Task.FromResult<AssumeRoleResult>(new AssumeRoleResult.Assumed(MotoAws.TestCredentials)));
        var noCredentials = new CloudWatchMetricDataSource(unreachable, TestModels.Catalog, _ => throw new InvalidOperationException("no credentials found in the chain"));
        var refused = new CloudWatchMetricDataSource(unreachable, TestModels.Catalog,
            _ => Task.FromResult<AssumeRoleResult>(new AssumeRoleResult.Refused(new("AccessDenied", "not authorized to perform sts:AssumeRole", 403, null))));

        var unanswered = await noAnswer.FetchAsync(request, window, CancellationToken.None);
        var uncredentialed = await noCredentials.FetchAsync(request, window, CancellationToken.None);
        var notAssumed = await refused.FetchAsync(request, window, CancellationToken.None);

        Assert.StartsWith("CloudWatch refused GetMetricData:", unanswered.Error, StringComparison.Ordinal);
        Assert.Contains("no credentials found in the chain", uncredentialed.Error, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", notAssumed.Error, StringComparison.Ordinal);
        Assert.All([unanswered, uncredentialed, notAssumed], r => Assert.Empty(r.Series));
    }

    private static async Task<(MetricChartRequest Request, ChartWindow Window, double[] Values)> PutPointsAsync(MotoAws moto)
    {
        var instance = MotoAws.Unique("i");
        var now = DateTimeOffset.UtcNow;
        var change = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-10);
        double[] values = [12, 35, 81, 94, 40];
        var data = new JsonArray();
        for (var i = 0; i < values.Length; i++)
        {
            data.Add(new JsonObject
            {
                ["MetricName"] = "CPUUtilization",
                ["Dimensions"] = new JsonArray(new JsonObject { ["Name"] = "InstanceId", ["Value"] = instance }),
                ["Timestamp"] = Timestamps.Iso8601(change.AddMinutes(i - 3)),
                ["Value"] = values[i],
                ["Unit"] = "Percent",
            });
        }
        var put = new AwsCall(TestModels.Catalog.Find("cloudwatch")!.Operation("PutMetricData")!,
            new JsonObject { ["Namespace"] = "Crowsnest/Tests", ["MetricData"] = data }, "us-east-1", new OutputOptions());
        var result = await moto.Invoker.InvokeAsync(put, MotoAws.TestCredentials, CancellationToken.None);
        Assert.True(result is AwsResult.Success, result.ToString());
        var query = new MetricQuery("Crowsnest/Tests", "CPUUtilization", new Dictionary<string, string> { ["InstanceId"] = instance }, "Maximum", TimeSpan.FromMinutes(1));
        var request = new MetricChartRequest($"HighCpu {instance}", "us-east-1", "123456789012", [query], 80, "GreaterThanThreshold", change, "ALARM", 2);
        return (request, ChartWindow.Around(request, now), values);
    }
}
