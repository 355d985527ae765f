using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Slack;

/// <summary>
/// The Slack Web API (<c>/api/{method}</c>), incoming webhooks (<c>/services/…</c>) and upload URLs
/// (<c>/upload/{file}</c>), plus <c>/_emulator/slack/…</c> to inspect and arrange the workspace.
/// </summary>
public sealed class SlackModule : IEmulatorModule, IPlatformPrefixes
{
    private readonly SlackApi _api;

    public SlackModule(SlackEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        State = new SlackState(options, options.TimeProvider);
        SocketMode = new SlackSocketMode(options);
        _api = new SlackApi(State, options, options.TimeProvider, SocketMode);
    }

    public string Name => "slack";

    public SlackEmulatorOptions Options { get; }

    public SlackState State { get; }

    /// <summary>Socket Mode: connections, pushed envelopes and their acks.</summary>
    public SlackSocketMode SocketMode { get; }

    public IReadOnlyList<(string Prefix, string Platform)> Prefixes { get; } =
        [("/api/", "slack-api"), ("/services/", "slack-webhook"), ("/upload/", "slack-upload")];

    /// <summary>Creates an incoming webhook posting to <paramref name="channelId"/>; returns its URL (the URL is the credential).</summary>
    public Uri CreateIncomingWebhook(Uri baseUrl, string channelId)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var path = State.AddWebhook($"{Options.Workspace.TeamId}/B{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}/{secret}", channelId);
        return new Uri(baseUrl, "services/" + path);
    }

    public void Map(WebApplication app, EmulatorHost host)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(host);
        app.MapMethods("/api/{method}", ["GET", "POST"], _api.HandleAsync);
        app.UseWebSockets();
        app.Map("/link", (HttpContext c) => SocketMode.ServeAsync(c, host.Stopping));
        app.MapPost("/services/{team}/{bot}/{secret}", (HttpContext c, string team, string bot, string secret) =>
            SlackIncomingWebhooks.HandleAsync(c, _api, State, $"{team}/{bot}/{secret}"));
        app.MapPost("/upload/{fileId}", (HttpContext c, string fileId) => SlackFileMethods.UploadAsync(c, State, fileId));

        var control = app.MapGroup("/_emulator/slack");
        MapSocketControl(control);
        control.MapGet("/channels/{id}/messages", (string id) => Json(new JsonArray([.. State.Messages(id).Select(m => (JsonNode)SlackChecks.MessageJson(m, Options))])));
        control.MapPost("/channels", (string id, string name, bool? isMember, bool? isArchived, bool? isPrivate) =>
        {
            State.AddChannel(new SlackChannelSpec(id, name, isMember ?? true, isArchived ?? false, isPrivate ?? false));
            return Results.NoContent();
        });
        control.MapPost("/seed", (string channel, string text, string? user, string? threadTs) =>
            Json(SlackChecks.MessageJson(State.Seed(channel, text, user ?? Options.Users[0], threadTs), Options)));
        control.MapPost("/webhooks", (string channel) => Json(new JsonObject { ["url"] = CreateIncomingWebhook(host.BaseUrl, channel).ToString() }));
        control.MapGet("/ephemerals", () => Json(new JsonArray([.. State.Ephemerals().Select(e => (JsonNode)new JsonObject
        {
            ["channel"] = e.Channel, ["user"] = e.User, ["message_ts"] = e.MessageTs, ["text"] = e.Text,
        })])));
    }

    private void MapSocketControl(RouteGroupBuilder control)
    {
        control.MapPost("/socket/{type}", async (string type, HttpContext c) =>
        {
            var payload = (await JsonNode.ParseAsync(c.Request.Body))?.AsObject() ?? [];
            var ack = type switch
            {
                "events_api" => await SocketMode.PushEventAsync(payload),
                "interactive" => await SocketMode.PushInteractiveAsync(payload),
                "slash_commands" => await SocketMode.PushSlashCommandAsync(payload),
                _ => null,
            };
            return ack is null ? Results.NotFound() : Json(new JsonObject { ["envelope_id"] = ack.EnvelopeId, ["acked"] = ack.Acked, ["payload"] = ack.Payload?.DeepClone() });
        });
        control.MapPost("/socket-disconnect", async (string? reason) =>
        {
            await SocketMode.DisconnectAllAsync(reason ?? "refresh_requested");
            return Results.NoContent();
        });
    }

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json");
}
