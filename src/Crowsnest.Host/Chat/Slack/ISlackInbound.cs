using System.Text.Json;

namespace Crowsnest.Host.Chat.Slack;

/// <summary>
/// What Slack sends, once its origin is established (a verified HTTP signature, or a Socket Mode connection opened
/// with the app token): the same payloads arrive over the Events API and over Socket Mode.
/// </summary>
internal interface ISlackInbound
{
    /// <summary>An Events API callback body (<c>event_callback</c>); <paramref name="retryNum"/> is Slack's retry count (0 for the first try).</summary>
    Task<SlackAck> OnEventAsync(JsonElement payload, int retryNum, CancellationToken cancellationToken);

    /// <summary>An interactivity payload (<c>block_actions</c>, <c>view_submission</c>).</summary>
    Task<SlackAck> OnInteractionAsync(JsonElement payload, CancellationToken cancellationToken);

    /// <summary>A slash command's form fields (<c>command</c>, <c>text</c>, <c>team_id</c>, <c>channel_id</c>, <c>user_id</c>, ...).</summary>
    Task<SlackAck> OnSlashCommandAsync(IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken);
}

/// <summary>The immediate answer to Slack (HTTP body, or the Socket Mode ack's payload); null body means an empty 200.</summary>
internal sealed record SlackAck(string? JsonBody)
{
    /// <summary>An empty acknowledgement.</summary>
    public static SlackAck Empty { get; } = new((string?)null);

    /// <summary>Crowsnest cannot take the request now (its queue is full): answer 503 so that Slack retries later.</summary>
    public static SlackAck Busy { get; } = new((string?)null) { Overloaded = true };

    /// <summary>True for <see cref="Busy"/>.</summary>
    public bool Overloaded { get; init; }
}
