using System.Text.Json.Nodes;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.Tests.TestKit;

public sealed class SlackWebApiTests : IAsyncLifetime
{
    private SlackEmulator _slack = null!;
    private SlackCalls _calls = null!;

    public async Task InitializeAsync()
    {
        _slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { Limits = new SlackLimits { Enabled = false } });
        _calls = new SlackCalls(_slack);
    }

    public async Task DisposeAsync()
    {
        _calls.Dispose();
        await _slack.DisposeAsync();
    }

    [Theory]
    [InlineData(null, "not_authed")]
    [InlineData("xoxb-wrong", "invalid_auth")]
    [InlineData("xoxb-1-revoked-token", "token_revoked")]
    [InlineData("xapp-1-app-level", "not_allowed_token_type")]
    public async Task Bad_tokens_get_auth_errors_with_http_200(string? token, string error)
    {
        _calls.Token = token;
        var answer = await _calls.PostAsync("hi");
        Assert.Equal(200, answer.Status);
        Assert.False(answer.Ok);
        Assert.Equal(error, answer.Error);
        Assert.Empty(_slack.State.Messages("C01ALERTS"));
    }

    [Fact]
    public async Task A_token_form_field_is_read_but_a_token_inside_json_is_not()
    {
        _calls.Token = null;
        Assert.True((await _calls.FormAsync("auth.test", ("token", _slack.BotToken))).Ok);
        Assert.Equal("not_authed", (await _calls.JsonAsync("chat.postMessage", new JsonObject { ["token"] = _slack.BotToken, ["channel"] = "C01ALERTS", ["text"] = "x" })).Error);
    }

    [Fact]
    public async Task Auth_test_names_the_workspace_and_bot()
    {
        var answer = await _calls.FormAsync("auth.test");
        Assert.True(answer.Ok);
        Assert.Equal("T01CROWS", answer.Body["team_id"]!.GetValue<string>());
        Assert.Equal("U0BOT0001", answer.Body["user_id"]!.GetValue<string>());
        Assert.Equal("B0BOT0001", answer.Body["bot_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_message_as_form_and_as_json_stores_both()
    {
        var form = await _calls.PostAsync("from form");
        var json = await _calls.JsonAsync("chat.postMessage", new JsonObject
        {
            ["channel"] = "#alerts",
            ["text"] = "fallback",
            ["blocks"] = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "*from json*" } }),
        });
        Assert.True(form.Ok);
        Assert.True(json.Ok);
        Assert.Equal("C01ALERTS", json.Body["channel"]!.GetValue<string>());
        Assert.True(string.CompareOrdinal(form.Ts, json.Ts) < 0);
        var messages = _slack.State.Messages("C01ALERTS");
        Assert.Equal(["from form", "fallback"], messages.Select(m => m.Text));
        Assert.Contains("*from json*", messages[1].BlocksJson, StringComparison.Ordinal);
        Assert.Equal("U0BOT0001", messages[0].User);
    }

    [Theory]
    [InlineData("C99UNKNOWN", "channel_not_found")]
    [InlineData("", "channel_not_found")]
    [InlineData("C02NOBOT", "not_in_channel")]
    [InlineData("C03ARCHIVED", "is_archived")]
    public async Task Channel_errors(string channel, string error) =>
        Assert.Equal(error, (await _calls.PostAsync("x", channel)).Error);

    [Fact]
    public async Task Content_errors()
    {
        Assert.Equal("no_text", (await _calls.FormAsync("chat.postMessage", ("channel", "C01ALERTS"))).Error);
        Assert.Equal("markdown_text_conflict", (await _calls.FormAsync("chat.postMessage", ("channel", "C01ALERTS"), ("text", "a"), ("markdown_text", "b"))).Error);
        Assert.Equal("invalid_blocks_format", (await _calls.FormAsync("chat.postMessage", ("channel", "C01ALERTS"), ("blocks", "not json"))).Error);
        Assert.Equal("invalid_blocks_format", (await _calls.FormAsync("chat.postMessage", ("channel", "C01ALERTS"), ("blocks", "{}"))).Error);
        var attachments = new JsonArray([.. Enumerable.Range(0, 101).Select(i => (JsonNode)new JsonObject { ["text"] = $"a{i}" })]);
        Assert.Equal("too_many_attachments", (await _calls.JsonAsync("chat.postMessage", new JsonObject { ["channel"] = "C01ALERTS", ["attachments"] = attachments })).Error);
    }

    [Fact]
    public async Task Invalid_blocks_name_the_offending_field()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = new string('x', 3001) } });
        var answer = await _calls.JsonAsync("chat.postMessage", new JsonObject { ["channel"] = "C01ALERTS", ["blocks"] = blocks });
        Assert.Equal("invalid_blocks", answer.Error);
        Assert.Contains("[json-pointer:/blocks/0/text/text]", answer.Body["response_metadata"]!["messages"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "application/json", "invalid_json")]
    [InlineData("[1,2]", "application/json", "json_not_object")]
    [InlineData("channel=C01ALERTS&text=x", null, "missing_post_type")]
    [InlineData("<x/>", "text/xml", "invalid_post_type")]
    [InlineData("channel=C01ALERTS&text=x", "application/x-www-form-urlencoded; charset=utf-16", "invalid_charset")]
    public async Task Malformed_requests(string body, string? contentType, string error) =>
        Assert.Equal(error, (await _calls.RawAsync("chat.postMessage", body, contentType)).Error);

    [Fact]
    public async Task Text_over_40000_characters_is_truncated_with_a_warning()
    {
        var answer = await _calls.PostAsync(new string('a', 40_001));
        Assert.True(answer.Ok);
        Assert.Equal("message_truncated", answer.Body["warning"]!.GetValue<string>());
        Assert.Equal(40_000, _slack.State.Messages("C01ALERTS").Single().Text.Length);
    }

    [Fact]
    public async Task Threads_and_replies()
    {
        var parent = await _calls.PostAsync("ALARM");
        var reply = await _calls.PostAsync("still ALARM", threadTs: parent.Ts);
        Assert.True(reply.Ok);
        Assert.Equal(parent.Ts, reply.Body["message"]!["thread_ts"]!.GetValue<string>());
        Assert.Equal("thread_not_found", (await _calls.PostAsync("x", threadTs: "1.000001")).Error);
        Assert.Equal("cannot_reply_to_message", (await _calls.PostAsync("x", threadTs: reply.Ts)).Error);

        var thread = await _calls.GetAsync("conversations.replies", $"channel=C01ALERTS&ts={parent.Ts}");
        Assert.Equal(["ALARM", "still ALARM"], thread.Body["messages"]!.AsArray().Select(m => m!["text"]!.GetValue<string>()));
        Assert.Equal(1, _slack.State.Find("C01ALERTS", parent.Ts)!.ReplyCount);
        Assert.Equal("thread_not_found", (await _calls.GetAsync("conversations.replies", "channel=C01ALERTS&ts=9.9")).Error);
    }

    [Fact]
    public async Task Update_edits_in_place_and_keeps_omitted_blocks()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "ALARM" } });
        var posted = await _calls.JsonAsync("chat.postMessage", new JsonObject { ["channel"] = "C01ALERTS", ["text"] = "ALARM", ["blocks"] = blocks });
        var updated = await _calls.FormAsync("chat.update", ("channel", "C01ALERTS"), ("ts", posted.Ts), ("text", "OK"));
        Assert.True(updated.Ok);
        var message = _slack.State.Find("C01ALERTS", posted.Ts)!;
        Assert.Equal("OK", message.Text);
        Assert.Equal(1, message.EditCount);
        Assert.Contains("ALARM", message.BlocksJson, StringComparison.Ordinal);
        Assert.Single(_slack.State.Messages("C01ALERTS"));
    }

    [Fact]
    public async Task Update_errors()
    {
        var mine = await _calls.PostAsync("mine");
        var human = _slack.State.Seed("C01ALERTS", "a person wrote this", "U01ALICE");
        Assert.Equal("message_not_found", (await _calls.FormAsync("chat.update", ("channel", "C01ALERTS"), ("ts", "1.000002"), ("text", "x"))).Error);
        Assert.Equal("message_not_found", (await _calls.FormAsync("chat.update", ("channel", "C01ALERTS"), ("text", "x"))).Error);
        Assert.Equal("cant_update_message", (await _calls.FormAsync("chat.update", ("channel", "C01ALERTS"), ("ts", human.Ts), ("text", "x"))).Error);
        Assert.Equal("msg_too_long", (await _calls.FormAsync("chat.update", ("channel", "C01ALERTS"), ("ts", mine.Ts), ("text", new string('x', 4001)))).Error);
        Assert.Equal("channel_not_found", (await _calls.FormAsync("chat.update", ("channel", "C99"), ("ts", mine.Ts), ("text", "x"))).Error);
        Assert.Equal("mine", _slack.State.Find("C01ALERTS", mine.Ts)!.Text);
    }

    [Fact]
    public async Task Ephemeral_messages_go_to_one_user_and_not_to_history()
    {
        var answer = await _calls.FormAsync("chat.postEphemeral", ("channel", "C01ALERTS"), ("user", "U01ALICE"), ("text", "only you"));
        Assert.True(answer.Ok);
        Assert.Equal("only you", _slack.State.Ephemerals().Single().Text);
        Assert.Empty(_slack.State.Messages("C01ALERTS"));
        Assert.Equal("user_not_in_channel", (await _calls.FormAsync("chat.postEphemeral", ("channel", "C01ALERTS"), ("user", "U99"), ("text", "x"))).Error);
    }

    [Fact]
    public async Task Conversations_info_and_history()
    {
        var info = await _calls.GetAsync("conversations.info", "channel=C02NOBOT");
        Assert.True(info.Ok);
        Assert.False(info.Body["channel"]!["is_member"]!.GetValue<bool>());
        Assert.Equal("channel_not_found", (await _calls.GetAsync("conversations.info", "channel=C404")).Error);
        // conversations.info does not take JSON bodies: the channel in one is not read.
        Assert.Equal("channel_not_found", (await _calls.JsonAsync("conversations.info", new JsonObject { ["channel"] = "C01ALERTS" })).Error);

        await _calls.PostAsync("one");
        var two = await _calls.PostAsync("two");
        await _calls.PostAsync("reply", threadTs: two.Ts);
        var history = await _calls.GetAsync("conversations.history", "channel=C01ALERTS");
        Assert.Equal(["two", "one"], history.Body["messages"]!.AsArray().Select(m => m!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Unknown_and_retired_methods()
    {
        Assert.Equal("unknown_method", (await _calls.FormAsync("chat.nope")).Error);
        Assert.Equal("method_deprecated", (await _calls.FormAsync("files.upload", ("channels", "C01ALERTS"))).Error);
    }

    [Fact]
    public async Task Long_text_is_refused_when_configured()
    {
        await using var strict = await SlackEmulator.StartAsync(new SlackEmulatorOptions { RejectLongText = true });
        using var calls = new SlackCalls(strict);
        Assert.Equal("msg_too_long", (await calls.PostAsync(new string('a', 40_001))).Error);
    }

    [Fact]
    public async Task Edit_window_closed_when_configured()
    {
        await using var strict = await SlackEmulator.StartAsync(new SlackEmulatorOptions { EditWindowClosed = true });
        using var calls = new SlackCalls(strict);
        var posted = await calls.PostAsync("x");
        Assert.Equal("edit_window_closed", (await calls.FormAsync("chat.update", ("channel", "C01ALERTS"), ("ts", posted.Ts), ("text", "y"))).Error);
    }

    [Fact]
    public async Task Any_channel_mode_accepts_any_well_formed_id()
    {
        await using var open = await SlackEmulator.StartAsync(new SlackEmulatorOptions { AnyChannel = true });
        using var calls = new SlackCalls(open);
        Assert.True((await calls.PostAsync("x", "C0123BENCH")).Ok);
        Assert.Equal("channel_not_found", (await calls.PostAsync("x", "lowercase")).Error);
    }
}
