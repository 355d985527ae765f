using System.Text.Json.Nodes;
using Crowsnest.TestKit.Slack;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.TestKit;

public sealed class SlackFilesAndLimitsTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task External_upload_flow_shares_the_file_in_a_thread()
    {
        await using var slack = await SlackEmulator.StartAsync();
        using var calls = new SlackCalls(slack);
        using var http = new HttpClient();
        var parent = await calls.PostAsync("ALARM");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 };

        var url = await calls.FormAsync("files.getUploadURLExternal", ("filename", "chart.png"), ("length", png.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(url.Ok);
        var fileId = url.Body["file_id"]!.GetValue<string>();
        var files = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = "CPU" });
        Assert.Equal("file_not_found", (await calls.JsonAsync("files.completeUploadExternal", new JsonObject { ["files"] = files.DeepClone() })).Error);

        using var upload = await http.PostAsync(new Uri(url.Body["upload_url"]!.GetValue<string>()), new ByteArrayContent(png));
        Assert.Equal(200, (int)upload.StatusCode);

        var done = await calls.JsonAsync("files.completeUploadExternal", new JsonObject
        {
            ["files"] = files.DeepClone(),
            ["channel_id"] = "C01ALERTS",
            ["thread_ts"] = parent.Ts,
            ["initial_comment"] = "chart",
        });
        Assert.True(done.Ok);
        Assert.Equal(fileId, done.Body["files"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(png, slack.State.FileBytes(fileId));
        var shared = slack.State.Thread("C01ALERTS", parent.Ts)[1];
        Assert.Equal([fileId], shared.FileIds);
        Assert.Equal("file_not_found", (await calls.JsonAsync("files.completeUploadExternal", new JsonObject { ["files"] = files.DeepClone() })).Error);
    }

    [Fact]
    public async Task Upload_flow_errors()
    {
        await using var slack = await SlackEmulator.StartAsync();
        using var calls = new SlackCalls(slack);
        using var http = new HttpClient();
        Assert.Equal("missing_argument", (await calls.FormAsync("files.getUploadURLExternal", ("filename", "a.png"))).Error);
        Assert.Equal("file_upload_size_restricted", (await calls.FormAsync("files.getUploadURLExternal", ("filename", "a.png"), ("length", "99999999999"))).Error);
        using var unknown = await http.PostAsync(new Uri(slack.BaseUrl, "upload/F404"), new ByteArrayContent([1]));
        Assert.Equal(404, (int)unknown.StatusCode);

        var url = await calls.FormAsync("files.getUploadURLExternal", ("filename", "a.txt"), ("length", "1"));
        using var _ = await http.PostAsync(new Uri(url.Body["upload_url"]!.GetValue<string>()), new ByteArrayContent([1]));
        var files = new JsonArray(new JsonObject { ["id"] = url.Body["file_id"]!.GetValue<string>() });
        Assert.Equal("channel_not_found", (await calls.JsonAsync("files.completeUploadExternal", new JsonObject { ["files"] = files.DeepClone(), ["channel_id"] = "C404" })).Error);
        Assert.Equal("not_in_channel", (await calls.JsonAsync("files.completeUploadExternal", new JsonObject { ["files"] = files.DeepClone(), ["channel_id"] = "C02NOBOT" })).Error);
        Assert.Equal("invalid_arguments", (await calls.JsonAsync("files.completeUploadExternal", new JsonObject { ["files"] = "nope" })).Error);
    }

    [Fact]
    public async Task Post_message_allows_a_burst_per_channel_then_429_with_retry_after()
    {
        await using var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { TimeProvider = _time });
        using var calls = new SlackCalls(slack);
        for (var i = 0; i < slack.Options.Limits.ChannelBurst; i++)
        {
            Assert.True((await calls.PostAsync($"m{i}")).Ok);
        }
        var limited = await calls.PostAsync("one too many");
        Assert.Equal(429, limited.Status);
        Assert.Equal("ratelimited", limited.Error);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.RetryAfter);

        slack.State.AddChannel(new SlackChannelSpec("C04OTHER", "other"));
        Assert.True((await calls.PostAsync("other channel", "C04OTHER")).Ok);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True((await calls.PostAsync("after a second")).Ok);
        Assert.Equal(429, (await calls.PostAsync("again too soon")).Status);
        Assert.Equal(slack.Options.Limits.ChannelBurst + 1, slack.State.Messages("C01ALERTS").Count);
    }

    [Fact]
    public async Task Method_tiers_limit_calls_per_minute()
    {
        await using var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { TimeProvider = _time });
        using var calls = new SlackCalls(slack);
        for (var i = 0; i < 50; i++)
        {
            Assert.True((await calls.GetAsync("conversations.info", "channel=C01ALERTS")).Ok);
        }
        _time.Advance(TimeSpan.FromSeconds(20));
        var limited = await calls.GetAsync("conversations.info", "channel=C01ALERTS");
        Assert.Equal(429, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(40), limited.RetryAfter);
        Assert.True((await calls.FormAsync("auth.test")).Ok);
        _time.Advance(TimeSpan.FromSeconds(40));
        Assert.True((await calls.GetAsync("conversations.info", "channel=C01ALERTS")).Ok);
    }

    [Fact]
    public async Task The_workspace_posting_limit_spans_channels()
    {
        var options = new SlackEmulatorOptions { TimeProvider = _time, AnyChannel = true, Limits = new SlackLimits { WorkspacePostsPerSecond = 2, WorkspacePostsBurst = 3 } };
        await using var slack = await SlackEmulator.StartAsync(options);
        using var calls = new SlackCalls(slack);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await calls.PostAsync("x", $"C0{i}BENCH")).Ok);
        }
        var limited = await calls.PostAsync("x", "C09BENCH");
        Assert.Equal(429, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(1), limited.RetryAfter);
    }
}
