using System.Globalization;
using System.Text;
using Crowsnest.Commands.Chat;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels.Slack;

/// <summary>
/// Command replies through the Slack Web API with the workspace's bot token: <c>chat.postMessage</c> in the request's
/// thread, <c>chat.update</c> for answered confirmations, and the external upload flow for long output (the file is
/// shared into the same thread).
/// </summary>
public sealed class SlackChatResponder : IChatResponder
{
    private readonly SlackWebApi _api;
    private readonly Func<string, string?> _tokenFor;

    /// <summary>Creates the responder.</summary>
    /// <param name="http">The HTTP client (its timeout bounds each call).</param>
    /// <param name="tokenFor">The bot token of a Slack team id, or null when the workspace is not registered.</param>
    /// <param name="time">The clock.</param>
    /// <param name="apiBase">The Web API base (default <c>https://slack.com/api/</c>; tests use the emulator).</param>
    public SlackChatResponder(HttpClient http, Func<string, string?> tokenFor, TimeProvider time, Uri? apiBase = null)
    {
        _api = new SlackWebApi(http, apiBase ?? SlackWebApi.DefaultBase, time);
        _tokenFor = tokenFor;
    }

    /// <inheritdoc />
    public async Task<ChatReplyResult> PostAsync(ChatConversationRef to, ChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        if (_tokenFor(to.TenantId) is not { Length: > 0 } token)
        {
            return new ChatReplyResult(null, $"slack workspace {to.TenantId} is not registered");
        }
        var body = MessageRenderers.Slack(message with { Attachments = [] }, new RenderOptions { Channel = to.ChannelId, ThreadId = to.ThreadId, Interactive = true });
        var answer = await _api.JsonAsync("chat.postMessage", token, body.Body, null, cancellationToken).ConfigureAwait(false);
        if (!answer.Ok)
        {
            return new ChatReplyResult(null, Describe(answer.Result));
        }
        var ts = answer.String("ts");
        foreach (var attachment in message.Attachments)
        {
            var failure = await UploadAsync(token, to, attachment, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return new ChatReplyResult(ts, failure);
            }
        }
        return new ChatReplyResult(ts, null);
    }

    /// <inheritdoc />
    public async Task<ChatReplyResult> UpdateAsync(ChatConversationRef to, string messageId, ChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        if (_tokenFor(to.TenantId) is not { Length: > 0 } token)
        {
            return new ChatReplyResult(null, $"slack workspace {to.TenantId} is not registered");
        }
        var body = MessageRenderers.Slack(message with { Attachments = [] }, new RenderOptions { Channel = to.ChannelId, UpdateTarget = messageId, Interactive = true });
        var answer = await _api.JsonAsync("chat.update", token, body.Body, null, cancellationToken).ConfigureAwait(false);
        return answer.Ok ? new ChatReplyResult(messageId, null) : new ChatReplyResult(null, Describe(answer.Result));
    }

    private async Task<string?> UploadAsync(string token, ChatConversationRef to, MessageAttachment attachment, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(attachment.Content);
        var url = await _api.FormAsync("files.getUploadURLExternal", token,
            [new("filename", attachment.FileName), new("length", bytes.Length.ToString(CultureInfo.InvariantCulture))], null, cancellationToken).ConfigureAwait(false);
        if (!url.Ok || url.String("upload_url") is not { } uploadUrl || url.String("file_id") is not { } fileId)
        {
            return Describe(url.Result);
        }
        var uploaded = await _api.UploadAsync(uploadUrl, bytes, attachment.ContentType, cancellationToken).ConfigureAwait(false);
        if (uploaded is not DeliveryResult.Delivered)
        {
            return Describe(uploaded);
        }
        List<KeyValuePair<string, string>> args =
        [
            new("files", $$"""[{"id":"{{fileId}}","title":"{{System.Text.Json.JsonEncodedText.Encode(attachment.FileName)}}"}]"""),
            new("channel_id", to.ChannelId),
        ];
        if (to.ThreadId is not null)
        {
            args.Add(new("thread_ts", to.ThreadId));
        }
        var complete = await _api.FormAsync("files.completeUploadExternal", token, args, null, cancellationToken).ConfigureAwait(false);
        return complete.Ok ? null : Describe(complete.Result);
    }

    private static string Describe(DeliveryResult result) => result switch
    {
        DeliveryResult.Retryable r => r.Reason,
        DeliveryResult.Permanent p => p.Reason,
        _ => "slack invalid_response",
    };
}
