using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Storage;
using Crowsnest.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Crowsnest.Testing.TestConfigurations;

namespace Crowsnest.Host.Tests.Delivery;

/// <summary>A metric alarm through the running service: CloudWatch data in moto → a chart uploaded to the Slack emulator.</summary>
public sealed class AlarmChartTests
{
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47];

    [Fact]
    public async Task A_metric_alarm_reaches_slack_with_its_chart_uploaded_through_the_file_flow()
    {
        var moto = await MotoServer.SharedUrlAsync();
        UseTestCredentials();
        var instance = "i-" + Guid.NewGuid().ToString("N")[..12];
        var change = FloorToMinute(DateTimeOffset.UtcNow).AddMinutes(-5);
        await PutMetricDataAsync(moto, instance, change, [12, 35, 81, 94, 40]);
        await using var rig = await DeliveryRig.StartAsync();
        await using var host = await TestHost.StartAsync(rig.Settings(new()
        {
            ["Aws:EndpointUrl"] = moto,
            ["Aws:Region"] = "us-east-1",
            ["Aws:ChartTimeout"] = "00:01:00",
        }));
        await rig.ConfigureAsync(host.Store);
        await WaitForSnapshotAsync(host);

        await host.Store.Inbox.AcceptAsync(Sns(MetricAlarm("HighCpu-" + instance, instance, change)), CancellationToken.None);
        await Eventually.WaitAsync(() => Eventually.CountAsync(host.Store, DeliveryState.Delivered), n => n == 6, TimeSpan.FromSeconds(90), "6 deliveries");

        var file = Assert.Single(rig.Slack.State.Files());
        Assert.True(file.Completed);
        Assert.Equal("chart.png", file.FileName);
        Assert.Equal(PngMagic, rig.Slack.State.FileBytes(file.Id)![..4]);
        var uploads = rig.Slack.Received.All(r => r.Accepted).Select(w => w.Operation).ToList();
        Assert.Contains("files.getUploadURLExternal", uploads);
        Assert.Contains("files.completeUploadExternal", uploads);
        // The API post shows the uploaded file; the incoming webhook to the same channel cannot upload and posts without it.
        var posts = AlarmPosts(rig, instance);
        Assert.Equal(2, posts.Count);
        var post = Assert.Single(posts, p => p.Contains("\"type\":\"image\"", StringComparison.Ordinal));
        Assert.Contains($"\"id\":\"{file.Id}\"", post, StringComparison.Ordinal);
        Assert.All(posts, p => Assert.DoesNotContain("No chart", p, StringComparison.Ordinal));
        // The console inbox keeps the chart in its stored message; Teams and Chime cannot show an uploaded image.
        var console = Assert.Single(await host.Store.Outbox.ListAsync(new DeliveryQuery(TargetKey: "console:inbox"), CancellationToken.None));
        var stored = Crowsnest.Notifications.Deliver.DeliveryPayload.FromJson(console.Payload)!;
        Assert.Equal(PngMagic, stored.Message.Image!.Data.ToArray()[..4]);
        Assert.Null(stored.Chart);
    }

    [Fact]
    public async Task When_the_metric_cannot_be_fetched_the_alarm_is_delivered_without_a_chart_saying_why()
    {
        var moto = await MotoServer.SharedUrlAsync();
        UseTestCredentials();
        var instance = "i-" + Guid.NewGuid().ToString("N")[..12];
        var change = FloorToMinute(DateTimeOffset.UtcNow).AddMinutes(-5);
        await using var rig = await DeliveryRig.StartAsync();
        // The role is assumed through moto's STS; CloudWatch itself does not answer.
        await using var host = await TestHost.StartAsync(rig.Settings(new()
        {
            ["Aws:EndpointUrl"] = moto,
            ["Aws:ServiceEndpoints:CLOUDWATCH"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Aws:ChartTimeout"] = "00:00:30",
        }));
        await rig.ConfigureAsync(host.Store);
        await WaitForSnapshotAsync(host);

        await host.Store.Inbox.AcceptAsync(Sns(MetricAlarm("HighCpu-" + instance, instance, change)), CancellationToken.None);
        await Eventually.WaitAsync(() => Eventually.CountAsync(host.Store, DeliveryState.Delivered), n => n == 6, TimeSpan.FromSeconds(90), "6 deliveries");

        Assert.Empty(rig.Slack.State.Files());
        var posts = AlarmPosts(rig, instance);
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.DoesNotContain("\"type\":\"image\"", p, StringComparison.Ordinal));
        // One line in the API post (a mrkdwn text of its own, no line break); the webhook post shows no chart anyway.
        var notes = posts.SelectMany(p => Regex.Matches(p, "\"text\":\"(_No chart:[^\"]*)\"").Select(m => m.Groups[1].Value)).ToList();
        var note = Assert.Single(notes);
        Assert.StartsWith("_No chart: CloudWatch refused GetMetricData: AWS could not be reached", note, StringComparison.Ordinal);
        Assert.DoesNotContain("\\n", note, StringComparison.Ordinal);
    }

    /// <summary>The Block Kit JSON (blocks and colour-bar attachments) of the Slack messages about the alarm.</summary>
    private static List<string> AlarmPosts(DeliveryRig rig, string instance) =>
        [.. rig.Slack.State.Messages("C01ALERTS").Select(m => (m.BlocksJson ?? "") + (m.AttachmentsJson ?? ""))
            .Where(json => json.Contains("HighCpu-" + instance, StringComparison.Ordinal))];

    private static void UseTestCredentials()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
    }

    private static DateTimeOffset FloorToMinute(DateTimeOffset t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero);

    private static async Task PutMetricDataAsync(string moto, string instance, DateTimeOffset change, double[] values)
    {
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
        using var http = new HttpClient();
        var invoker = new AwsInvoker(http, new AwsInvokerOptions
        {
            Endpoints = new AwsEndpointOptions { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = moto } },
            Timeout = TimeSpan.FromSeconds(60),
        });
        var put = new AwsCall(ServiceCatalog.OpenDefault().Find("cloudwatch")!.Operation("PutMetricData")!,
            new JsonObject { ["Namespace"] = "Crowsnest/HostTests", ["MetricData"] = data }, "us-east-1", new OutputOptions());
        var result = await invoker.InvokeAsync(put, new AwsCredentials("testing", "testing"), CancellationToken.None);
        Assert.True(result is AwsResult.Success, result.ToString());
    }

    /// <summary>The classic alarm JSON CloudWatch publishes to SNS, for one metric.</summary>
    private static string MetricAlarm(string name, string instance, DateTimeOffset change) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["AlarmName"] = name,
            ["AWSAccountId"] = Account,
            ["NewStateValue"] = "ALARM",
            ["OldStateValue"] = "OK",
            ["NewStateReason"] = "Threshold Crossed: 2 datapoints were greater than the threshold (80.0).",
            ["StateChangeTime"] = change.ToString("yyyy-MM-dd'T'HH:mm:ss.fff+0000", CultureInfo.InvariantCulture),
            ["Region"] = "US East (N. Virginia)",
            ["AlarmArn"] = $"arn:aws:cloudwatch:us-east-1:{Account}:alarm:{name}",
            ["Trigger"] = new Dictionary<string, object?>
            {
                ["MetricName"] = "CPUUtilization",
                ["Namespace"] = "Crowsnest/HostTests",
                ["StatisticType"] = "Statistic",
                ["Statistic"] = "MAXIMUM",
                ["Dimensions"] = new[] { new Dictionary<string, string> { ["value"] = instance, ["name"] = "InstanceId" } },
                ["Period"] = 60,
                ["EvaluationPeriods"] = 2,
                ["ComparisonOperator"] = "GreaterThanThreshold",
                ["Threshold"] = 80.0,
            },
        });

    private static Task WaitForSnapshotAsync(TestHost host) =>
        Eventually.WaitAsync(() => Task.FromResult(host.App.Services.GetRequiredService<ConfigSnapshotSource>().Current.Configurations.Count),
            n => n == 6, TimeSpan.FromSeconds(20), "the configuration snapshot");
}
