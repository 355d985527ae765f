using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Slack;

/// <summary>
/// Incoming webhooks at <c>/services/T…/B…/X…</c>: JSON or <c>payload=</c> form bodies, answered <c>200 ok</c>
/// or with Slack's plain-text error codes and real HTTP statuses (400, 404, 410, 429 with Retry-After).
/// </summary>
internal static class SlackIncomingWebhooks
{
    public static async Task HandleAsync(HttpContext context, SlackApi api, SlackState state, string path)
    {
        var exchange = EmulatorExchange.Of(context);
        exchange.IsWrite = true;
        var (status, code, retryAfter) = await AnswerAsync(context, api, state, path, exchange);
        exchange.Error = status == 200 ? null : code;
        await Http.TextAsync(context, status, code, retryAfter);
    }

    private static async Task<(int Status, string Code, string? RetryAfter)> AnswerAsync(HttpContext context, SlackApi api, SlackState state,
        string path, EmulatorExchange exchange)
    {
        exchange.Target = path.Split('/')[^2];
        var channelId = state.WebhookChannel(path);
        if (channelId is null)
        {
            return (404, "no_service", null);
        }
        var channel = state.FindChannel(channelId);
        if (channel is null)
        {
            return (404, "channel_not_found", null);
        }
        exchange.Target = channel.Id;
        if (channel.IsArchived)
        {
            return (410, "channel_is_archived", null);
        }
        var body = await ReadPayloadAsync(context);
        if (body is null)
        {
            return (400, "invalid_payload", null);
        }
        var call = new SlackCall(context, SlackArgs.FromJson(body), exchange, state, api.Options, api);
        if (SlackChecks.Content(call, true, out var content) is { } bad)
        {
            return (400, bad.Error == "invalid_blocks_format" ? "invalid_blocks" : bad.Error!, null);
        }
        var threadTs = call.Args.String("thread_ts");
        if (!string.IsNullOrEmpty(threadTs) && state.Find(channel.Id, threadTs) is null)
        {
            return (400, "thread_not_found", null);
        }
        var limits = api.Options.Limits;
        if (limits.Enabled && !api.Buckets.TryAcquire("webhook " + path, limits.WebhookPerSecond, limits.WebhookBurst, out var wait))
        {
            return (429, "rate_limited", Http.Seconds(wait));
        }
        var ws = api.Options.Workspace;
        state.Post(channel.Id, new SlackMessageView(channel.Id, "", string.IsNullOrEmpty(threadTs) ? null : threadTs, ws.BotUserId, ws.BotId,
            content.Text, content.Blocks?.ToJsonString(), content.Attachments?.ToJsonString(), [], 0, 0, call.DeliveryId));
        return (200, "ok", null);
    }

    private static async Task<JsonObject?> ReadPayloadAsync(HttpContext context)
    {
        try
        {
            if (context.Request.HasFormContentType)
            {
                var form = await context.Request.ReadFormAsync(CancellationToken.None);
                return form.TryGetValue("payload", out var payload) ? JsonNode.Parse(payload.ToString()) as JsonObject : null;
            }
            return await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
