using Crowsnest.Channels.Chime;
using Crowsnest.Channels.Slack;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;
using Crowsnest.TestKit.Chime;
using Crowsnest.TestKit.Faults;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.Tests.Channels;

/// <summary>
/// The Slack Web API adapter's own contract against the emulator: Slack's <c>ok:false</c> envelope errors and their
/// classification, threads, in-place updates, attached files, and no token in any reason even when echoed back.
/// </summary>
public sealed class SlackApiChannelContract : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private SlackEmulator _slack = null!;
    private SlackApiChannel _channel = null!;
    private SlackChannelTarget _target = null!;

    private static ChatMessage Message(string title) => new() { EventType = "custom", Title = title, Severity = Severity.Info, Summary = "summary" };

    public async Task InitializeAsync()
    {
        _slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { Limits = new Crowsnest.TestKit.Slack.SlackLimits { Enabled = false } });
        _channel = new SlackApiChannel(_http, team => team == _slack.Options.Workspace.TeamId ? _slack.BotToken : null, TimeProvider.System, _slack.ApiUrl);
        _target = new SlackChannelTarget(_slack.Options.Workspace.TeamId, "C01ALERTS", "alerts");
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        _http.Dispose();
    }

    [Theory]
    [InlineData("channel_not_found", false)]
    [InlineData("not_in_channel", false)]
    [InlineData("is_archived", false)]
    [InlineData("invalid_auth", false)]
    [InlineData("not_authed", false)]
    [InlineData("token_revoked", false)]
    [InlineData("account_inactive", false)]
    [InlineData("missing_scope", false)]
    [InlineData("msg_too_long", false)]
    [InlineData("invalid_blocks", false)]
    [InlineData("no_text", false)]
    [InlineData("restricted_action", false)]
    [InlineData("ratelimited", true)]
    [InlineData("rate_limited", true)]
    [InlineData("message_limit_exceeded", true)]
    [InlineData("internal_error", true)]
    [InlineData("fatal_error", true)]
    [InlineData("service_unavailable", true)]
    [InlineData("request_timeout", true)]
    public async Task An_ok_false_envelope_is_classified_by_its_error(string error, bool retryable)
    {
        _slack.Faults.Script(new ScriptedResponse(200, $$"""{"ok":false,"error":"{{error}}"}"""));

        var result = await _channel.SendAsync(_target, Message("x"), DeliveryContext.None, CancellationToken.None);

        Assert.Equal(retryable, result is DeliveryResult.Retryable);
        Assert.Equal($"slack {error}", result is DeliveryResult.Retryable r ? r.Reason : Assert.IsType<DeliveryResult.Permanent>(result).Reason);
    }

    [Fact]
    public async Task The_emulators_own_refusals_are_permanent()
    {
        var unknown = await _channel.SendAsync(_target with { ChannelId = "C09UNKNOWN" }, Message("x"), DeliveryContext.None, CancellationToken.None);
        var notMember = await _channel.SendAsync(_target with { ChannelId = "C02NOBOT" }, Message("x"), DeliveryContext.None, CancellationToken.None);

        Assert.Equal("slack channel_not_found", Assert.IsType<DeliveryResult.Permanent>(unknown).Reason);
        Assert.Equal("slack not_in_channel", Assert.IsType<DeliveryResult.Permanent>(notMember).Reason);
    }

    [Fact]
    public async Task A_follow_up_goes_into_the_first_messages_thread_and_an_update_edits_it()
    {
        var first = Assert.IsType<DeliveryResult.Delivered>(await _channel.SendAsync(_target, Message("ALARM cpu"), DeliveryContext.None, CancellationToken.None));
        var ts = first.PlatformMessageId!;

        var edit = await _channel.SendAsync(_target, Message("OK cpu"), new DeliveryContext { ReplaceMessageId = ts }, CancellationToken.None);
        var reply = await _channel.SendAsync(_target, Message("OK cpu"), new DeliveryContext { ThreadParentId = ts }, CancellationToken.None);

        Assert.Equal(ts, Assert.IsType<DeliveryResult.Delivered>(edit).PlatformMessageId);
        Assert.IsType<DeliveryResult.Delivered>(reply);
        var parent = Assert.Single(_slack.State.Messages("C01ALERTS"), m => !m.IsReply);
        Assert.Equal(1, parent.EditCount);
        Assert.Contains("OK cpu", parent.AttachmentsJson + parent.BlocksJson + parent.Text, StringComparison.Ordinal);
        var child = Assert.Single(_slack.State.Thread("C01ALERTS", ts), m => m.IsReply);
        Assert.Equal(ts, child.ThreadTs);
        Assert.Equal(["chat.postMessage", "chat.update", "chat.postMessage"], _slack.Received.AcceptedWrites().Select(w => w.Operation));
    }

    [Fact]
    public async Task An_attached_file_is_shared_into_the_messages_thread_through_the_upload_flow()
    {
        var details = string.Join("\n", Enumerable.Range(0, 500).Select(i => $"[High] Finding F{i:D3}"));
        var digest = Message("GuardDuty: 500 new events") with { Attachments = [new MessageAttachment("events.txt", "text/plain", details)] };

        var posted = Assert.IsType<DeliveryResult.Delivered>(await _channel.SendAsync(_target, digest, new DeliveryContext { DeliveryId = "d1" }, CancellationToken.None));

        var file = Assert.Single(_slack.State.Files());
        Assert.Equal(("events.txt", true, "C01ALERTS"), (file.FileName, file.Completed, file.Channel));
        Assert.Equal(details, System.Text.Encoding.UTF8.GetString(_slack.State.FileBytes(file.Id)!));
        var shared = Assert.Single(_slack.State.Thread("C01ALERTS", posted.PlatformMessageId!), m => m.IsReply);
        Assert.Equal([file.Id], shared.FileIds);
    }

    [Fact]
    public async Task No_reason_carries_the_token_even_when_slack_echoes_it()
    {
        var token = _slack.BotToken;
        _slack.Faults.Script(new ScriptedResponse(200, $$"""{"ok":false,"error":"invalid_auth for {{token}}","token":"{{token}}"}"""));
        _slack.Faults.Script(new ScriptedResponse(400, $"bad token {token}", ContentType: "text/plain"));
        _slack.Faults.Script(new ScriptedResponse(503, $$"""{"ok":false,"error":"{{token}}"}"""));

        var results = new List<DeliveryResult>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await _channel.SendAsync(_target, Message("x"), DeliveryContext.None, CancellationToken.None));
        }

        var reasons = results.Select(r => r switch { DeliveryResult.Retryable x => x.Reason, DeliveryResult.Permanent p => p.Reason, _ => "delivered" }).ToList();
        Assert.Equal("slack unrecognized_error", reasons[0]);
        Assert.IsType<DeliveryResult.Permanent>(results[1]);
        Assert.Equal("http 503 unrecognized_error", Assert.IsType<DeliveryResult.Retryable>(results[2]).Reason);
        Assert.All(reasons, r => Assert.DoesNotContain(token, r, StringComparison.Ordinal));
        // What the delivery worker logs and stores is the reason with the target's secrets redacted.
        Assert.All(reasons, r => Assert.DoesNotContain(token, _target.Redact(r), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Platforms_without_files_get_the_attachment_inline_within_their_limit()
    {
        await using var chime = await ChimeEmulator.StartAsync();
        var channel = new ChimeChannel(_http, TimeProvider.System, chime.BaseUrl);
        var target = new ChimeWebhookTarget("arn:chime", "https://hooks.chime.aws" + chime.CreateWebhook().PathAndQuery);
        var details = string.Join("\n", Enumerable.Range(0, 300).Select(i => $"[High] Finding F{i:D3}"));
        var digest = Message("GuardDuty: 300 new events") with { Attachments = [new MessageAttachment("events.txt", "text/plain", details)] };

        Assert.IsType<DeliveryResult.Delivered>(await channel.SendAsync(target, digest, DeliveryContext.None, CancellationToken.None));

        var body = Assert.Single(chime.Received.AcceptedWrites()).Body;
        Assert.Contains("events.txt", body, StringComparison.Ordinal);
        Assert.Contains("Finding F000", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Finding F299", body, StringComparison.Ordinal);
        var content = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("Content").GetString()!;
        Assert.True(content.Length <= 4096, $"{content.Length} characters");
    }
}
