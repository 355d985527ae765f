using System.Globalization;

namespace Crowsnest.TestKit.Slack;

/// <summary>The workspace's ephemeral messages, files of the upload flow and incoming webhooks.</summary>
public sealed partial class SlackState
{
    private readonly List<SlackEphemeralView> _ephemerals = [];
    private readonly Dictionary<string, FileEntry> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _webhooks = new(StringComparer.Ordinal);
    private long _fileSeq;

    /// <summary>Every ephemeral message.</summary>
    public IReadOnlyList<SlackEphemeralView> Ephemerals()
    {
        lock (_gate)
        {
            return [.. _ephemerals];
        }
    }

    /// <summary>Every file of the upload flow.</summary>
    public IReadOnlyList<SlackFileView> Files()
    {
        lock (_gate)
        {
            return [.. _files.Values.Select(f => f.View)];
        }
    }

    /// <summary>The bytes uploaded for a file.</summary>
    public byte[]? FileBytes(string fileId)
    {
        lock (_gate)
        {
            return _files.TryGetValue(fileId, out var f) ? f.Bytes : null;
        }
    }

    internal string PostEphemeral(string channelId, string user, string text, string? blocksJson, string? threadTs)
    {
        lock (_gate)
        {
            var ts = NextTs();
            _ephemerals.Add(new SlackEphemeralView(channelId, user, ts, text, blocksJson, threadTs));
            return ts;
        }
    }

    internal SlackFileView NewFile(string fileName, long length)
    {
        lock (_gate)
        {
            var id = "F" + (++_fileSeq).ToString("D9", CultureInfo.InvariantCulture);
            var f = new FileEntry(new SlackFileView(id, fileName, length, -1, false, null, null));
            _files[id] = f;
            return f.View;
        }
    }

    internal bool Upload(string fileId, byte[] bytes)
    {
        lock (_gate)
        {
            if (!_files.TryGetValue(fileId, out var f) || f.View.Completed)
            {
                return false;
            }
            f.Bytes = bytes;
            f.View = f.View with { UploadedLength = bytes.Length };
            return true;
        }
    }

    internal SlackFileView? File(string fileId)
    {
        lock (_gate)
        {
            return _files.TryGetValue(fileId, out var f) ? f.View : null;
        }
    }

    internal void CompleteFile(string fileId, string? title, string? channel)
    {
        lock (_gate)
        {
            var f = _files[fileId];
            f.View = f.View with { Completed = true, Title = title ?? f.View.FileName, Channel = channel };
        }
    }

    internal string AddWebhook(string path, string channelId)
    {
        lock (_gate)
        {
            _webhooks[path] = channelId;
            return path;
        }
    }

    internal string? WebhookChannel(string path)
    {
        lock (_gate)
        {
            return _webhooks.GetValueOrDefault(path);
        }
    }

    private sealed class FileEntry(SlackFileView view)
    {
        public SlackFileView View { get; set; } = view;
        public byte[]? Bytes { get; set; }
    }
}
