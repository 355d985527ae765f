using System.Globalization;
using System.Text.RegularExpressions;

namespace Crowsnest.TestKit.Slack;

/// <summary>The emulated workspace: channels, messages, threads, ephemerals, files and incoming webhooks. Thread-safe.</summary>
public sealed partial class SlackState
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly bool _anyChannel;
    private readonly Dictionary<string, Channel> _channels = new(StringComparer.Ordinal);
    private long _lastTsMicros;

    public SlackState(SlackEmulatorOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = time;
        _anyChannel = options.AnyChannel;
        foreach (var c in options.Channels)
        {
            AddChannel(c);
        }
    }

    /// <summary>Adds (or replaces) a channel.</summary>
    public void AddChannel(SlackChannelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_gate)
        {
            _channels[spec.Id] = new Channel(new SlackChannelView(spec.Id, spec.Name, spec.IsMember, spec.IsArchived, spec.IsPrivate, _time.GetUtcNow().ToUnixTimeSeconds()));
        }
    }

    /// <summary>Archives a channel or changes the bot's membership.</summary>
    public void UpdateChannel(string id, bool? isMember = null, bool? isArchived = null)
    {
        lock (_gate)
        {
            var c = _channels[id];
            c.View = c.View with { IsMember = isMember ?? c.View.IsMember, IsArchived = isArchived ?? c.View.IsArchived };
        }
    }

    /// <summary>The channel with this id or name (<c>#alerts</c>, <c>alerts</c>), or null.</summary>
    public SlackChannelView? FindChannel(string idOrName)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        lock (_gate)
        {
            return FindLocked(idOrName)?.View;
        }
    }

    /// <summary>Every message of a channel (parents and replies) in posting order.</summary>
    public IReadOnlyList<SlackMessageView> Messages(string channelId)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channelId, out var c) ? [.. c.Messages.Select(m => m.View)] : [];
        }
    }

    /// <summary>Every message in every channel, in posting order per channel.</summary>
    public IReadOnlyList<SlackMessageView> AllMessages()
    {
        lock (_gate)
        {
            return [.. _channels.Values.SelectMany(c => c.Messages).Select(m => m.View).OrderBy(m => m.Ts, StringComparer.Ordinal)];
        }
    }

    /// <summary>The message at <paramref name="ts"/>, or null.</summary>
    public SlackMessageView? Find(string channelId, string ts)
    {
        lock (_gate)
        {
            return _channels.TryGetValue(channelId, out var c) && c.ByTs.TryGetValue(ts, out var m) ? m.View : null;
        }
    }

    /// <summary>A thread: the parent then its replies, or empty.</summary>
    public IReadOnlyList<SlackMessageView> Thread(string channelId, string ts)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(channelId, out var c) || !c.ByTs.TryGetValue(ts, out var parent))
            {
                return [];
            }
            return [parent.View, .. c.Messages.Where(m => m.View.ThreadTs == ts && m.View.Ts != ts).Select(m => m.View)];
        }
    }

    /// <summary>Posts a message by <paramref name="user"/> directly (to seed history, e.g. a human's message).</summary>
    public SlackMessageView Seed(string channelId, string text, string user, string? threadTs = null) =>
        Post(channelId, new SlackMessageView(channelId, "", threadTs, user, null, text, null, null, [], 0, 0, null));

    internal Channel? FindLocked(string idOrName)
    {
        if (_channels.TryGetValue(idOrName, out var byId))
        {
            return byId;
        }
        var name = idOrName.TrimStart('#');
        var byName = _channels.Values.FirstOrDefault(c => c.View.Name == name);
        if (byName is null && _anyChannel && ChannelId().IsMatch(idOrName))
        {
            byName = new Channel(new SlackChannelView(idOrName, idOrName.ToLowerInvariant(), true, false, idOrName[0] == 'G', _time.GetUtcNow().ToUnixTimeSeconds()));
            _channels[idOrName] = byName;
        }
        return byName;
    }

    /// <summary>Stores a message, assigning its ts; the caller holds the lock or accepts a fresh one.</summary>
    internal SlackMessageView Post(string channelId, SlackMessageView draft)
    {
        lock (_gate)
        {
            var channel = FindLocked(channelId) ?? throw new InvalidOperationException($"No channel {channelId}.");
            var ts = NextTs();
            var message = new Message(draft with { Channel = channel.View.Id, Ts = ts });
            channel.Messages.Add(message);
            channel.ByTs[ts] = message;
            if (draft.ThreadTs is { } parentTs && channel.ByTs.TryGetValue(parentTs, out var parent))
            {
                parent.View = parent.View with { ThreadTs = parentTs, ReplyCount = parent.View.ReplyCount + 1 };
            }
            return message.View;
        }
    }

    internal SlackMessageView Update(string channelId, string ts, Func<SlackMessageView, SlackMessageView> change)
    {
        lock (_gate)
        {
            var m = _channels[channelId].ByTs[ts];
            m.View = change(m.View) with { EditCount = m.View.EditCount + 1 };
            return m.View;
        }
    }

    private string NextTs()
    {
        var micros = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        _lastTsMicros = Math.Max(micros, _lastTsMicros + 1);
        return string.Create(CultureInfo.InvariantCulture, $"{_lastTsMicros / 1_000_000}.{_lastTsMicros % 1_000_000:D6}");
    }

    [GeneratedRegex("^[CG][A-Z0-9]{2,}$")]
    private static partial Regex ChannelId();

    internal sealed class Channel(SlackChannelView view)
    {
        public SlackChannelView View { get; set; } = view;
        public List<Message> Messages { get; } = [];
        public Dictionary<string, Message> ByTs { get; } = new(StringComparer.Ordinal);
    }

    internal sealed class Message(SlackMessageView view)
    {
        public SlackMessageView View { get; set; } = view;
    }
}
