using System.Text;
using System.Text.Json;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Endpoints;
using Microsoft.AspNetCore.WebUtilities;

namespace Crowsnest.Host.Chat.Slack;

/// <summary>
/// <c>POST /slack/events</c>, <c>/slack/interactivity</c> and <c>/slack/commands</c>: Slack's HTTP deliveries, each
/// verified with the workspace's signing secret (401 otherwise), acknowledged at once, the work queued.
/// </summary>
internal static partial class SlackEndpoints
{
    private const int MaxBodyBytes = 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/slack/events", (HttpContext context, ISlackInbound inbound, ConfigSnapshotSource snapshot, TimeProvider time, ILoggerFactory logs) =>
            HandleAsync(context, snapshot, time, logs, async (body, ct) =>
            {
                using var json = JsonDocument.Parse(body);
                var retry = int.TryParse(context.Request.Headers["X-Slack-Retry-Num"].ToString(), out var n) ? n : 0;
                return await inbound.OnEventAsync(json.RootElement.Clone(), retry, ct);
            }, TeamOfEvent));
        app.MapPost("/slack/interactivity", (HttpContext context, ISlackInbound inbound, ConfigSnapshotSource snapshot, TimeProvider time, ILoggerFactory logs) =>
            HandleAsync(context, snapshot, time, logs, async (body, ct) =>
            {
                var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
                using var json = JsonDocument.Parse(form.TryGetValue("payload", out var p) ? p.ToString() : "{}");
                return await inbound.OnInteractionAsync(json.RootElement.Clone(), ct);
            }, TeamOfInteraction));
        app.MapPost("/slack/commands", (HttpContext context, ISlackInbound inbound, ConfigSnapshotSource snapshot, TimeProvider time, ILoggerFactory logs) =>
            HandleAsync(context, snapshot, time, logs, (body, ct) =>
                inbound.OnSlashCommandAsync(QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal), ct),
                TeamOfForm));
    }

    private static async Task<IResult> HandleAsync(HttpContext context, ConfigSnapshotSource snapshot, TimeProvider time, ILoggerFactory logs,
        Func<byte[], CancellationToken, Task<SlackAck>> handle, Func<byte[], string?> teamOf)
    {
        var log = logs.CreateLogger("Crowsnest.Chat.Slack");
        using var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body.TooLarge)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var bytes = body.Memory.ToArray();
        var team = SafeTeam(teamOf, bytes);
        var workspaces = snapshot.Current;
        IEnumerable<string> secrets = team is not null && workspaces.SlackWorkspace(team) is { } ws
            ? [ws.Secrets.SigningSecret]
            : AllSecrets(workspaces);
        if (!SlackSignature.Verify(bytes, context.Request.Headers["X-Slack-Request-Timestamp"], context.Request.Headers["X-Slack-Signature"], secrets, time.GetUtcNow()))
        {
            Refused(log, context.Request.Path, team ?? "unknown");
            return Results.Unauthorized();
        }
        SlackAck ack;
        try
        {
            ack = await handle(bytes, context.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        if (ack.Overloaded)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return ack.JsonBody is null ? Results.Ok() : Results.Content(ack.JsonBody, "application/json");
    }

    private static IEnumerable<string> AllSecrets(ConfigSnapshot snapshot) =>
        snapshot.Configurations.Select(c => c.Document.SlackTeamId).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(t => snapshot.SlackWorkspace(t)?.Secrets.SigningSecret).OfType<string>().Distinct(StringComparer.Ordinal);

    private static string? SafeTeam(Func<byte[], string?> teamOf, byte[] body)
    {
        try
        {
            return teamOf(body);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? TeamOfEvent(byte[] body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("team_id", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
    }

    private static string? TeamOfInteraction(byte[] body)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payload))
        {
            return null;
        }
        using var json = JsonDocument.Parse(payload.ToString());
        return json.RootElement.TryGetProperty("team", out var team) && team.ValueKind == JsonValueKind.Object && team.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    private static string? TeamOfForm(byte[] body) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).TryGetValue("team_id", out var team) ? team.ToString() : null;

    [LoggerMessage(EventId = 4020, Level = LogLevel.Warning, Message = "Refused a Slack request to {Path} (team {Team}): bad or stale signature")]
    private static partial void Refused(ILogger logger, PathString path, string team);
}
