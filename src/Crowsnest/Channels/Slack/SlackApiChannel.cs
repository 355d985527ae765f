using System.Globalization;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Channels.Slack;

/// <summary>
/// Slack Web API with the workspace's bot token: <c>chat.postMessage</c> (in a thread when the context names a parent),
/// <c>chat.update</c> to edit a message in place, and the external upload flow
/// (<c>files.getUploadURLExternal</c> → upload → <c>files.completeUploadExternal</c>) for a chart image, shown with a
/// <c>slack_file</c> image block. Attached files (a digest's full list) are shared into the message's thread with the same flow.
/// </summary>
public sealed class SlackApiChannel : IChatChannel
{
    private readonly SlackWebApi _api;
    private readonly Func<string, string?> _tokenFor;

    /// <summary>Creates the adapter.</summary>
    /// <param name="http">The HTTP client (its timeout bounds each call).</param>
    /// <param name="tokenFor">The bot token of a Slack team id, or null when the workspace is not registered.</param>
    /// <param name="time">The clock.</param>
    /// <param name="apiBase">The Web API base (default <c>https://slack.com/api/</c>; tests use the emulator).</param>
    public SlackApiChannel(HttpClient http, Func<string, string?> tokenFor, TimeProvider time, Uri? apiBase = null)
    {
        _api = new SlackWebApi(http, apiBase ?? SlackWebApi.DefaultBase, time);
        _tokenFor = tokenFor;
    }

    public ChatTargetKind Kind => ChatTargetKind.SlackApi;

    public async Task<DeliveryResult> SendAsync(ChatTarget target, ChatMessage message, DeliveryContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        if (target is not SlackChannelTarget slack)
        {
            return ChannelHttp.WrongTarget(target, Kind);
        }
        if (_tokenFor(slack.TeamId) is not { Length: > 0 } token)
        {
            return new DeliveryResult.Permanent($"slack workspace {slack.TeamId} is not registered");
        }
        var options = new RenderOptions { Channel = slack.ChannelId, Interactive = true };
        if (context.ReplaceMessageId is { } ts)
        {
            var update = MessageRenderers.Slack(message with { Image = null }, options with { UpdateTarget = ts });
            return (await _api.JsonAsync("chat.update", token, update.Body, context.DeliveryId, cancellationToken).ConfigureAwait(false)).Result;
        }
        if (message.Image is { } image)
        {
            var (fileId, failure) = await UploadAsync(token, image, context, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }
            options = options with { SlackImageFileId = fileId };
        }
        var post = MessageRenderers.Slack(message with { Attachments = [] }, options with { ThreadId = context.ThreadParentId });
        var posted = (await _api.JsonAsync("chat.postMessage", token, post.Body, context.DeliveryId, cancellationToken).ConfigureAwait(false)).Result;
        if (posted is DeliveryResult.Delivered { PlatformMessageId: { } postedTs } && message.Attachments.Count > 0)
        {
            // Files follow the message into its thread. A failed upload does not fail the delivery: retrying it would
            // post the message twice, and the message itself already lists every item.
            foreach (var file in message.Attachments)
            {
                await ShareFileAsync(token, slack.ChannelId, context.ThreadParentId ?? postedTs, file, context, cancellationToken).ConfigureAwait(false);
            }
        }
        return posted;
    }

    private async Task<DeliveryResult> ShareFileAsync(string token, string channelId, string threadTs, MessageAttachment file, DeliveryContext context,
        CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(file.Content);
        var url = await _api.FormAsync("files.getUploadURLExternal", token,
            [new("filename", file.FileName), new("length", bytes.Length.ToString(CultureInfo.InvariantCulture))], null, cancellationToken).ConfigureAwait(false);
        if (!url.Ok || url.String("upload_url") is not { } uploadUrl || url.String("file_id") is not { } fileId)
        {
            return url.Result;
        }
        var uploaded = await _api.UploadAsync(uploadUrl, bytes, file.ContentType, cancellationToken).ConfigureAwait(false);
        if (uploaded is not DeliveryResult.Delivered)
        {
            return uploaded;
        }
        var files = $$"""[{"id":"{{fileId}}","title":"{{Escape(file.FileName)}}"}]""";
        var complete = await _api.FormAsync("files.completeUploadExternal", token,
            [new("files", files), new("channel_id", channelId), new("thread_ts", threadTs)], context.DeliveryId + "-file", cancellationToken).ConfigureAwait(false);
        return complete.Result;
    }

    private async Task<(string? FileId, DeliveryResult? Failure)> UploadAsync(string token, MessageImage image, DeliveryContext context, CancellationToken cancellationToken)
    {
        var url = await _api.FormAsync("files.getUploadURLExternal", token,
        [
            new("filename", image.FileName),
            new("length", image.Data.Length.ToString(CultureInfo.InvariantCulture)),
            new("alt_txt", image.AltText.Length > 1000 ? image.AltText[..1000] : image.AltText),
        ], null, cancellationToken).ConfigureAwait(false);
        if (!url.Ok)
        {
            return (null, url.Result);
        }
        var (uploadUrl, fileId) = (url.String("upload_url"), url.String("file_id"));
        if (uploadUrl is null || fileId is null)
        {
            return (null, new DeliveryResult.Retryable("slack invalid_response"));
        }
        var uploaded = await _api.UploadAsync(uploadUrl, image.Data, image.ContentType, cancellationToken).ConfigureAwait(false);
        if (uploaded is not DeliveryResult.Delivered)
        {
            return (null, uploaded);
        }
        var files = $$"""[{"id":"{{fileId}}","title":"{{Escape(image.FileName)}}"}]""";
        var complete = await _api.FormAsync("files.completeUploadExternal", token, [new("files", files)], context.DeliveryId, cancellationToken).ConfigureAwait(false);
        return complete.Ok ? (fileId, null) : (null, complete.Result);
    }

    private static string Escape(string text) => System.Text.Json.JsonEncodedText.Encode(text).ToString();
}
