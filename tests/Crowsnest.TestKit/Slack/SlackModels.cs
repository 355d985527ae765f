namespace Crowsnest.TestKit.Slack;

/// <summary>A channel as the emulator holds it.</summary>
public sealed record SlackChannelView(string Id, string Name, bool IsMember, bool IsArchived, bool IsPrivate, long Created);

/// <summary>A message as the emulator holds it (a snapshot).</summary>
/// <param name="Channel">The channel id.</param>
/// <param name="Ts">The message's ts.</param>
/// <param name="ThreadTs">The parent's ts for a reply, or its own ts for a parent with replies; null otherwise.</param>
/// <param name="User">The author's user id.</param>
/// <param name="BotId">The bot id when posted by the bot.</param>
/// <param name="Text">The text.</param>
/// <param name="BlocksJson">The blocks as JSON, when given.</param>
/// <param name="AttachmentsJson">The legacy attachments as JSON, when given.</param>
/// <param name="FileIds">Files shared with the message.</param>
/// <param name="EditCount">How often chat.update changed it.</param>
/// <param name="ReplyCount">How many replies it has.</param>
/// <param name="DeliveryId">The <c>X-Crowsnest-Delivery-Id</c> header that came with it, if any.</param>
public sealed record SlackMessageView(string Channel, string Ts, string? ThreadTs, string User, string? BotId, string Text,
    string? BlocksJson, string? AttachmentsJson, IReadOnlyList<string> FileIds, int EditCount, int ReplyCount, string? DeliveryId)
{
    /// <summary>True for a reply in a thread.</summary>
    public bool IsReply => ThreadTs is not null && ThreadTs != Ts;
}

/// <summary>An ephemeral message (shown to one user, never in history).</summary>
public sealed record SlackEphemeralView(string Channel, string User, string MessageTs, string Text, string? BlocksJson, string? ThreadTs);

/// <summary>A file of the external upload flow.</summary>
public sealed record SlackFileView(string Id, string FileName, long DeclaredLength, long UploadedLength, bool Completed, string? Title, string? Channel);
