using System.Globalization;
using System.Text.Json.Nodes;
using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Slack;

/// <summary>
/// The external upload flow: <c>files.getUploadURLExternal</c> → POST the bytes to <c>upload_url</c> →
/// <c>files.completeUploadExternal</c>. A file id is only good after its bytes arrived.
/// </summary>
internal static class SlackFileMethods
{
    public const long MaxFileBytes = 1024L * 1024 * 1024;

    public static SlackReply GetUploadUrl(SlackCall call)
    {
        var name = call.Args.String("filename");
        var lengthText = call.Args.String("length");
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(lengthText))
        {
            return SlackReply.Fail("missing_argument");
        }
        if (!long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length <= 0)
        {
            return SlackReply.Fail("invalid_arguments");
        }
        if (length > MaxFileBytes)
        {
            return SlackReply.Fail("file_upload_size_restricted");
        }
        if (call.Args.String("alt_txt") is { Length: > 1000 })
        {
            return SlackReply.Fail("alt_txt_too_large");
        }
        var file = call.State.NewFile(name, length);
        var request = call.Http.Request;
        var url = $"{request.Scheme}://{request.Host}/upload/{file.Id}";
        return SlackReply.Ok(new JsonObject { ["upload_url"] = url, ["file_id"] = file.Id });
    }

    /// <summary>POST /upload/{fileId}: raw bytes or a multipart form with one file.</summary>
    public static async Task UploadAsync(HttpContext context, SlackState state, string fileId)
    {
        var exchange = EmulatorExchange.Of(context);
        exchange.Target = fileId;
        var bytes = exchange.Body;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(CancellationToken.None);
            if (form.Files.Count > 0)
            {
                using var copy = new MemoryStream();
                await form.Files[0].CopyToAsync(copy, CancellationToken.None);
                bytes = copy.ToArray();
            }
        }
        if (!state.Upload(fileId, bytes))
        {
            exchange.Error = "file_not_found";
            await Http.TextAsync(context, 404, "file_not_found");
            return;
        }
        await Http.TextAsync(context, 200, $"OK - {bytes.Length}");
    }

    public static SlackReply Complete(SlackCall call)
    {
        var (files, malformed) = call.Args.Json("files");
        if (malformed || files is not JsonArray list || list.Count == 0)
        {
            return SlackReply.Fail("invalid_arguments");
        }
        var wanted = new List<(string Id, string? Title)>();
        foreach (var item in list)
        {
            var id = BlockKitValidator.Str(item as JsonObject, "id");
            var file = id is null ? null : call.State.File(id);
            if (file is null || file.UploadedLength < 0 || file.Completed)
            {
                return SlackReply.Fail("file_not_found");
            }
            wanted.Add((id!, BlockKitValidator.Str(item as JsonObject, "title")));
        }
        var channelId = call.Args.String("channel_id") ?? call.Args.String("channels");
        SlackChannelView? channel = null;
        if (!string.IsNullOrEmpty(channelId))
        {
            if (channelId.Contains(',', StringComparison.Ordinal))
            {
                if (call.Args.Has("thread_ts"))
                {
                    return SlackReply.Fail("invalid_arguments");
                }
                channelId = channelId.Split(',')[0];
            }
            if (SlackChecks.Channel(call, channelId, true, out channel) is { } bad)
            {
                return bad;
            }
        }
        var threadTs = call.Args.String("thread_ts");
        if (channel is not null && !string.IsNullOrEmpty(threadTs) && call.State.Find(channel.Id, threadTs) is null)
        {
            return SlackReply.Fail("thread_not_found");
        }
        foreach (var (id, title) in wanted)
        {
            call.State.CompleteFile(id, title, channel?.Id);
        }
        if (channel is not null)
        {
            var ws = call.Options.Workspace;
            call.State.Post(channel.Id, new SlackMessageView(channel.Id, "", string.IsNullOrEmpty(threadTs) ? null : threadTs, ws.BotUserId, ws.BotId,
                call.Args.String("initial_comment") ?? "", null, null, [.. wanted.Select(w => w.Id)], 0, 0, call.DeliveryId));
        }
        return SlackReply.Ok(new JsonObject
        {
            ["files"] = new JsonArray([.. wanted.Select(w =>
            {
                var f = call.State.File(w.Id)!;
                return (JsonNode)new JsonObject { ["id"] = f.Id, ["name"] = f.FileName, ["title"] = f.Title, ["size"] = f.UploadedLength };
            })]),
        });
    }
}
