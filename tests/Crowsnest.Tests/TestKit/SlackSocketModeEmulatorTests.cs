using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.TestKit.Slack;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.TestKit;

/// <summary>The Slack emulator's Socket Mode, driven by a raw WebSocket client.</summary>
public sealed class SlackSocketModeEmulatorTests
{
    [Theory]
    [InlineData(null, "not_authed")]
    [InlineData("xapp-1-wrong", "invalid_auth")]
    [InlineData("xoxb-1-emulator-bot-token", "not_allowed_token_type")]
    public async Task Connections_open_only_with_the_app_level_token(string? token, string error)
    {
        await using var slack = await SlackEmulator.StartAsync();
        var answer = await OpenAsync(slack, token);
        Assert.False(answer["ok"]!.GetValue<bool>());
        Assert.Equal(error, answer["error"]!.GetValue<string>());
        Assert.Equal(0, slack.SocketMode.Opened);
    }

    [Fact]
    public async Task Hello_comes_first_an_unacked_envelope_fails_after_three_seconds_and_a_ticket_is_single_use()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var slack = await SlackEmulator.StartAsync(new SlackEmulatorOptions { TimeProvider = time });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var url = new Uri((await OpenAsync(slack, slack.Options.Workspace.AppToken))["url"]!.GetValue<string>());
        Assert.Equal("ws", url.Scheme);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, cancel.Token);
        Assert.Equal("hello", (await ReceiveAsync(socket, cancel.Token))["type"]!.GetValue<string>());
        await slack.SocketMode.WaitForConnectionsAsync(1, cancel.Token);

        var pushed = slack.SocketMode.PushEventAsync(new JsonObject { ["type"] = "event_callback" }, cancellationToken: cancel.Token);
        var envelope = await ReceiveAsync(socket, cancel.Token);
        Assert.Equal("events_api", envelope["type"]!.GetValue<string>());
        Assert.False(envelope["accepts_response_payload"]!.GetValue<bool>());
        time.Advance(TimeSpan.FromSeconds(3));
        var outcome = await pushed;
        Assert.False(outcome.Acked);

        var acked = slack.SocketMode.PushSlashCommandAsync(new JsonObject { ["command"] = "/aws" }, cancel.Token);
        var slash = await ReceiveAsync(socket, cancel.Token);
        var ack = new JsonObject { ["envelope_id"] = slash["envelope_id"]!.GetValue<string>(), ["payload"] = new JsonObject { ["text"] = "ok" } };
        await socket.SendAsync(Encoding.UTF8.GetBytes(ack.ToJsonString()), WebSocketMessageType.Text, true, cancel.Token);
        var second = await acked;
        Assert.True(second.Acked);
        Assert.Equal("ok", second.Payload?["text"]?.GetValue<string>());

        using var again = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => again.ConnectAsync(url, cancel.Token));
    }

    private static async Task<JsonObject> OpenAsync(SlackEmulator slack, string? token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(slack.ApiUrl, "apps.connections.open")) { Content = new FormUrlEncodedContent([]) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static async Task<JsonObject> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(message.ToArray())!.AsObject();
    }
}
