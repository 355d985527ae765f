namespace Crowsnest.Commands.Chat;

/// <summary>Where a chat request came from, and so where its replies go.</summary>
/// <param name="Platform"><c>slack</c> or <c>teams</c>.</param>
/// <param name="TenantId">The Slack team id, or the Microsoft Teams tenant id.</param>
/// <param name="ChannelId">The Slack channel id, or the Teams conversation id.</param>
/// <param name="ThreadId">The Slack <c>thread_ts</c> (or the message <c>ts</c> that starts the thread), or the Teams activity id replied to.</param>
/// <param name="ServiceUrl">The Bot Connector service URL a Teams reply goes to; null for Slack.</param>
public sealed record ChatConversationRef(string Platform, string TenantId, string ChannelId, string? ThreadId, string? ServiceUrl = null)
{
    /// <summary>The key that per-channel state (aliases, default account) is stored under, e.g. <c>slack:T1:C1</c>.</summary>
    public string ChannelKey => $"{Platform}:{TenantId}:{ChannelId}";
}

/// <summary>A chat user.</summary>
/// <param name="Id">The platform's user id (Slack <c>U…</c>, Teams AAD object id).</param>
/// <param name="Name">A display name, when the platform sent one.</param>
public sealed record ChatUser(string Id, string? Name = null);
