using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Channels;
using Crowsnest.Channels.Teams;
using Crowsnest.Commands.Chat;
using Crowsnest.Messages;

namespace Crowsnest.Host.Chat.Teams;

/// <summary>
/// Replies through the Bot Connector API: <c>POST {serviceUrl}v3/conversations/{id}/activities/{replyTo}</c> to
/// answer in the thread, <c>PUT …/activities/{id}</c> to update. The message is the Teams renderer's Adaptive Card,
/// with buttons as <c>Action.Submit</c> carrying the action id and value in <c>data</c>.
/// </summary>
internal sealed class TeamsResponder(HttpClient http, TeamsTokenSource tokens, string appId) : IChatResponder
{
    public Task<ChatReplyResult> PostAsync(ChatConversationRef to, ChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        var conversation = ConversationId(to);
        var path = to.ThreadId is { Length: > 0 } replyTo
            ? $"v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{Uri.EscapeDataString(replyTo)}"
            : $"v3/conversations/{Uri.EscapeDataString(conversation)}/activities";
        return SendAsync(HttpMethod.Post, to, path, Activity(message, conversation, to.ThreadId, null), null, cancellationToken);
    }

    public Task<ChatReplyResult> UpdateAsync(ChatConversationRef to, string messageId, ChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        var conversation = ConversationId(to);
        var path = $"v3/conversations/{Uri.EscapeDataString(conversation)}/activities/{Uri.EscapeDataString(messageId)}";
        return SendAsync(HttpMethod.Put, to, path, Activity(message, conversation, null, messageId), messageId, cancellationToken);
    }

    /// <summary>
    /// The Bot Framework conversation id: in a Teams channel, the thread is part of it (<c>19:…@thread.tacv2;messageid=root</c>);
    /// chats (<c>a:…</c>, group chats <c>…@thread.v2</c>) have no threads.
    /// </summary>
    public static string ConversationId(ChatConversationRef to)
    {
        var isChannel = to.ChannelId.StartsWith("19:", StringComparison.Ordinal)
            && (to.ChannelId.EndsWith("@thread.tacv2", StringComparison.OrdinalIgnoreCase) || to.ChannelId.EndsWith("@thread.skype", StringComparison.OrdinalIgnoreCase));
        return isChannel && to.ThreadId is { Length: > 0 } root ? $"{to.ChannelId};messageid={root}" : to.ChannelId;
    }

    private string Activity(ChatMessage message, string conversation, string? replyTo, string? id)
    {
        var rendered = TeamsRenderer.Instance.Render(message, new RenderOptions { Interactive = true, SubmitButtons = true });
        var activity = JsonNode.Parse(rendered.Body.Span)!.AsObject();
        activity["type"] = "message";
        activity["from"] = new JsonObject { ["id"] = $"28:{appId}" };
        activity["conversation"] = new JsonObject { ["id"] = conversation };
        activity["summary"] = message.Title;
        if (replyTo is not null)
        {
            activity["replyToId"] = replyTo;
        }
        if (id is not null)
        {
            activity["id"] = id;
        }
        return activity.ToJsonString();
    }

    private async Task<ChatReplyResult> SendAsync(HttpMethod method, ChatConversationRef to, string path, string activity, string? knownId, CancellationToken cancellationToken)
    {
        if (to.ServiceUrl is null || !Uri.TryCreate(to.ServiceUrl.EndsWith('/') ? to.ServiceUrl : to.ServiceUrl + "/", UriKind.Absolute, out var serviceUrl))
        {
            return new ChatReplyResult(null, "the conversation has no Bot Connector serviceUrl");
        }
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAsync(refresh: attempt > 0, cancellationToken);
            if (token.AccessToken is null)
            {
                return new ChatReplyResult(null, token.Error);
            }
            using var request = new HttpRequestMessage(method, new Uri(serviceUrl, path)) { Content = new StringContent(activity, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if ((int)response.StatusCode == 401 && attempt == 0)
                {
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    return new ChatReplyResult(null, $"Bot Connector answered {(int)response.StatusCode}");
                }
                return new ChatReplyResult(await IdAsync(response, cancellationToken) ?? knownId, null);
            }
            catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return new ChatReplyResult(null, "Bot Connector unreachable");
            }
        }
    }

    private static async Task<string?> IdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), default, cancellationToken);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
