using Crowsnest.Commands.Chat;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Endpoints;
using Crowsnest.Storage;

namespace Crowsnest.Host.Chat.Teams;

/// <summary>
/// <c>POST /teams/messages</c>, the bot's Bot Framework messaging endpoint: checks the JWT, turns the activity into a
/// chat input, answers at once (202, or 200 with an invoke response) and runs the command handler afterwards.
/// Each activity is claimed durably by its id before it runs, so a redelivered or replayed one never runs twice.
/// </summary>
internal static class TeamsBotEndpoint
{
    public const string Path = "/teams/messages";
    public const int MaxBodyBytes = 256 * 1024;

    private static readonly TimeSpan ClaimTtl = TimeSpan.FromHours(24);

    private const string InvokeAnswer = """{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Working on it."}""";

    public static void Map(IEndpointRouteBuilder app) => app.MapPost(Path, HandleAsync);

    private static async Task<IResult> HandleAsync(HttpContext context, BotFrameworkAuthenticator auth, ConfigSnapshotSource snapshots, ChatWorkQueue work,
        TeamsResponder responder, ChatTransportMetrics metrics, IStore store, TimeProvider time, ILoggerFactory logs)
    {
        var logger = logs.CreateLogger("Crowsnest.Chat.Teams");
        using var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body.TooLarge)
        {
            return Results.StatusCode(413);
        }
        var activity = TeamsActivity.Parse(body.Memory);
        // Check the caller before anything else, so an unauthenticated request learns nothing from the answer.
        var checkedAuth = await auth.ValidateAsync(context.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null,
            activity?.ServiceUrl, activity?.ChannelId, context.RequestAborted);
        if (!checkedAuth.Accepted)
        {
            metrics.Teams("refused");
            if (checkedAuth.KeysUnavailable)
            {
                TeamsLog.KeysUnavailable(logger, checkedAuth.Reason!);
                return Results.StatusCode(503);
            }
            TeamsLog.Refused(logger, checkedAuth.Reason!);
            return Results.Unauthorized();
        }
        if (activity is null)
        {
            return Results.BadRequest();
        }
        var now = time.GetUtcNow();
        var action = TeamsInputs.Action(activity, now);
        var command = action is null ? TeamsInputs.Command(activity, now) : null;
        if (action is null && command is null)
        {
            metrics.Teams("ignored");
            return activity.Type == "invoke" ? Results.Text(InvokeAnswer, "application/json") : Results.Ok();
        }
        var conversation = action?.Conversation ?? command!.Conversation;
        if (!KnownTenant(snapshots.Current, conversation.TenantId))
        {
            TeamsLog.UnknownTenant(logger, conversation.TenantId);
            metrics.Teams("ignored");
            return Results.Ok();
        }
        var handler = context.RequestServices.GetService<IChatCommandHandler>();
        if (handler is null)
        {
            TeamsLog.NoHandler(logger);
            return Results.StatusCode(503);
        }
        var claim = $"teams:{activity.ConversationId}:{activity.Id}";
        var queued = work.TryEnqueue(async ct =>
        {
            if (activity.Id is null || !await store.ChatState.TryClaimEventAsync(claim, time.GetUtcNow() + ClaimTtl, ct))
            {
                TeamsLog.Duplicate(logger, activity.Id ?? "(none)");
                return;
            }
            await (action is not null ? handler.HandleActionAsync(action, responder, ct) : handler.HandleMessageAsync(command!, responder, ct));
        });
        if (!queued)
        {
            TeamsLog.Busy(logger);
            metrics.Teams("busy");
            return Results.StatusCode(503);
        }
        metrics.Teams("accepted");
        return activity.Type == "invoke" ? Results.Text(InvokeAnswer, "application/json") : Results.Accepted();
    }

    private static bool KnownTenant(ConfigSnapshot snapshot, string tenantId) =>
        tenantId.Length > 0 && snapshot.Configurations.Any(c => c.Document.TargetType == TargetTypes.TeamsChannel
            && string.Equals(c.Document.TenantId, tenantId, StringComparison.OrdinalIgnoreCase));
}
