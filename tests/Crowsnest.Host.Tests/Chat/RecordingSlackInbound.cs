using System.Text.Json;
using System.Threading.Channels;
using Crowsnest.Host.Chat.Slack;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>An <see cref="ISlackInbound"/> that records what it was given and answers slash commands with a fixed body.</summary>
internal sealed class RecordingSlackInbound : ISlackInbound
{
    public const string SlashAnswer = """{"response_type":"ephemeral","text":"On it."}""";

    private readonly Channel<(string Kind, string Json, int RetryNum)> _received = Channel.CreateUnbounded<(string, string, int)>();

    public Task<SlackAck> OnEventAsync(JsonElement payload, int retryNum, CancellationToken cancellationToken) =>
        Record("event", payload.GetRawText(), retryNum, SlackAck.Empty);

    public Task<SlackAck> OnInteractionAsync(JsonElement payload, CancellationToken cancellationToken) =>
        Record("interaction", payload.GetRawText(), 0, SlackAck.Empty);

    public Task<SlackAck> OnSlashCommandAsync(IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken) =>
        Record("slash", JsonSerializer.Serialize(form), 0, new SlackAck(SlashAnswer));

    /// <summary>The next thing received.</summary>
    public async Task<(string Kind, JsonElement Payload, int RetryNum)> NextAsync(CancellationToken cancellationToken)
    {
        var (kind, json, retry) = await _received.Reader.ReadAsync(cancellationToken);
        return (kind, JsonDocument.Parse(json).RootElement, retry);
    }

    private Task<SlackAck> Record(string kind, string json, int retryNum, SlackAck ack)
    {
        _received.Writer.TryWrite((kind, json, retryNum));
        return Task.FromResult(ack);
    }
}
