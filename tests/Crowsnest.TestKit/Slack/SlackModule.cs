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
        _api = new SlackApi(State, options, options.TimeProvider);
    }

    public string Name => "slack";

    public SlackEmulatorOptions Options { get; }

    public SlackState State { get; }

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
        app.MapPost("/services/{team}/{bot}/{secret}", (HttpContext c, string team, string bot, string secret) =>
            SlackIncomingWebhooks.HandleAsync(c, _api, State, $"{team}/{bot}/{secret}"));
        app.MapPost("/upload/{fileId}", (HttpContext c, string fileId) => SlackFileMethods.UploadAsync(c, State, fileId));

        var control = app.MapGroup("/_emulator/slack");
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

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json");
}
