using System.Text.Json.Nodes;
using Crowsnest.Channels.Webhook;
using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Slack;

/// <summary>One Web API call in progress.</summary>
internal sealed record SlackCall(HttpContext Http, SlackArgs Args, EmulatorExchange Exchange, SlackState State, SlackEmulatorOptions Options, SlackApi Api)
{
    public string? DeliveryId => Http.Request.Headers[WebhookSigner.DeliveryIdHeader].ToString() is { Length: > 0 } id ? id : null;
}

/// <summary>A Web API answer: HTTP 200 with <c>ok</c>, or 429 with <c>Retry-After</c>.</summary>
internal sealed record SlackReply(JsonObject Body, int Status = 200, string? RetryAfter = null)
{
    public string? Error => Body["ok"]?.GetValue<bool>() == true ? null : Body["error"]?.GetValue<string>();

    public static SlackReply Ok(JsonObject? fields = null)
    {
        var body = new JsonObject { ["ok"] = true };
        foreach (var (key, value) in fields?.ToList() ?? [])
        {
            fields!.Remove(key);
            body[key] = value;
        }
        return new SlackReply(body);
    }

    public static SlackReply Fail(string error, params string[] messages)
    {
        var body = new JsonObject { ["ok"] = false, ["error"] = error };
        if (messages.Length > 0)
        {
            body["errors"] = new JsonArray([.. messages.Select(m => (JsonNode)JsonValue.Create(m))]);
            body["response_metadata"] = new JsonObject { ["messages"] = new JsonArray([.. messages.Select(m => (JsonNode)JsonValue.Create(m))]) };
        }
        return new SlackReply(body);
    }

    public static SlackReply RateLimited(TimeSpan wait) =>
        new(new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, 429, Http.Seconds(wait));
}

/// <summary>
/// The Web API front door: reads the call, checks the token, applies the method's rate tier and dispatches.
/// Every <c>ok:false</c> is HTTP 200; throttling is HTTP 429 with <c>Retry-After</c>.
/// </summary>
internal sealed class SlackApi(SlackState state, SlackEmulatorOptions options, TimeProvider time, SlackSocketMode socketMode)
{
    private sealed record Method(int PerMinute, bool Json, bool Write, Func<SlackCall, SlackReply> Handle);

    private static readonly Dictionary<string, Method> Methods = new(StringComparer.Ordinal)
    {
        ["auth.test"] = new(100, true, false, SlackReadMethods.AuthTest),
        ["chat.postMessage"] = new(0, true, true, SlackChatMethods.PostMessage),
        ["chat.update"] = new(50, true, true, SlackChatMethods.Update),
        ["chat.postEphemeral"] = new(100, true, true, SlackChatMethods.PostEphemeral),
        ["conversations.info"] = new(50, false, false, SlackReadMethods.ConversationInfo),
        ["conversations.replies"] = new(50, false, false, SlackReadMethods.Replies),
        ["conversations.history"] = new(50, false, false, SlackReadMethods.History),
        ["files.getUploadURLExternal"] = new(100, false, false, SlackFileMethods.GetUploadUrl),
        ["files.completeUploadExternal"] = new(100, true, true, SlackFileMethods.Complete),
        ["files.upload"] = new(20, false, false, _ => SlackReply.Fail("method_deprecated")),
    };

    public SlidingWindowLimiter Tiers { get; } = new(time);

    public TokenBuckets Buckets { get; } = new(time);

    public SlackEmulatorOptions Options => options;

    public async Task HandleAsync(HttpContext context)
    {
        var exchange = EmulatorExchange.Of(context);
        var reply = await AnswerAsync(context, exchange);
        exchange.Error = reply.Error;
        await Http.JsonAsync(context, reply.Status, reply.Body, reply.RetryAfter);
    }

    private async Task<SlackReply> AnswerAsync(HttpContext context, EmulatorExchange exchange)
    {
        if (exchange.Operation == "apps.connections.open")
        {
            return await OpenConnectionAsync(context);
        }
        if (!Methods.TryGetValue(exchange.Operation, out var method))
        {
            return SlackReply.Fail("unknown_method");
        }
        exchange.IsWrite = method.Write;
        var (args, malformed) = await SlackArgs.ReadAsync(context, method.Json);
        if (malformed is not null)
        {
            return SlackReply.Fail(malformed);
        }
        var ws = options.Workspace;
        if (string.IsNullOrEmpty(args.Token))
        {
            return SlackReply.Fail("not_authed");
        }
        if (ws.RevokedTokens.Contains(args.Token))
        {
            return SlackReply.Fail("token_revoked");
        }
        if (args.Token.StartsWith("xapp-", StringComparison.Ordinal))
        {
            return SlackReply.Fail("not_allowed_token_type");
        }
        if (args.Token != ws.BotToken)
        {
            return SlackReply.Fail("invalid_auth");
        }
        if (options.Limits.Enabled && method.PerMinute > 0
            && !Tiers.TryAcquire($"{ws.TeamId} {exchange.Operation}", Math.Max(1, (int)(method.PerMinute * options.Limits.TierMultiplier)), TimeSpan.FromMinutes(1), out var wait))
        {
            return SlackReply.RateLimited(wait);
        }
        return method.Handle(new SlackCall(context, args, exchange, state, options, this));
    }

    /// <summary><c>apps.connections.open</c>: POST only, the app-level token only (Tier 1), a single-use WebSocket URL.</summary>
    private async Task<SlackReply> OpenConnectionAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            return SlackReply.Fail("insecure_request");
        }
        var (args, malformed) = await SlackArgs.ReadAsync(context, jsonAccepted: true);
        if (malformed is not null)
        {
            return SlackReply.Fail(malformed);
        }
        if (string.IsNullOrEmpty(args.Token))
        {
            return SlackReply.Fail("not_authed");
        }
        if (args.Token != options.Workspace.AppToken)
        {
            return SlackReply.Fail(args.Token.StartsWith("xox", StringComparison.Ordinal) ? "not_allowed_token_type" : "invalid_auth");
        }
        if (options.Limits.Enabled && !Tiers.TryAcquire($"{options.Workspace.TeamId} apps.connections.open", Math.Max(1, (int)(50 * options.Limits.TierMultiplier)), TimeSpan.FromMinutes(1), out var wait))
        {
            return SlackReply.RateLimited(wait);
        }
        var request = context.Request;
        var url = $"ws://{request.Host}/{socketMode.IssueTicket()}";
        return SlackReply.Ok(new JsonObject { ["url"] = url });
    }
}
