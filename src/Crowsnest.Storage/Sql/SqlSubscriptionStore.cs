using Dapper;

namespace Crowsnest.Storage.Sql;

internal sealed class SqlSubscriptionStore(SqlDatabase database) : ISubscriptionStore
{
    private const string Columns =
        "topic_arn AS TopicArn, message_id AS MessageId, subscribe_url AS SubscribeUrl, token AS Token, state AS State, " +
        "received_ms AS ReceivedMs, decided_ms AS DecidedMs, note AS Note";

    public Task PutAsync(SnsSubscription subscription, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (c, t) => c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO sns_subscriptions (topic_arn, message_id, subscribe_url, token, state, received_ms, decided_ms, note) " +
                "VALUES (@TopicArn, @MessageId, @SubscribeUrl, @Token, @state, @received, @decided, @Note) " +
                "ON CONFLICT (topic_arn) DO UPDATE SET message_id = excluded.message_id, subscribe_url = excluded.subscribe_url, token = excluded.token, " +
                "state = excluded.state, received_ms = excluded.received_ms, decided_ms = excluded.decided_ms, note = excluded.note",
                new
                {
                    subscription.TopicArn,
                    subscription.MessageId,
                    subscription.SubscribeUrl,
                    subscription.Token,
                    state = subscription.State.ToString(),
                    received = Millis.From(subscription.ReceivedAt),
                    decided = Millis.From(subscription.DecidedAt),
                    subscription.Note,
                },
                t,
                cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<SnsSubscription?> GetAsync(string topicArn, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async c => (await c.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(
                $"SELECT {Columns} FROM sns_subscriptions WHERE topic_arn = @topicArn", new { topicArn }, cancellationToken: cancellationToken)))?.ToSubscription(),
            cancellationToken);

    public Task<IReadOnlyList<SnsSubscription>> ListAsync(SubscriptionState? state, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<SnsSubscription>>(
            async c => (await c.QueryAsync<SubscriptionRow>(new CommandDefinition(
                    $"SELECT {Columns} FROM sns_subscriptions WHERE (@state IS NULL OR state = @state) ORDER BY received_ms DESC",
                    new { state = state?.ToString() },
                    cancellationToken: cancellationToken)))
                .Select(r => r.ToSubscription()).ToList(),
            cancellationToken);

    private sealed class SubscriptionRow
    {
        public string TopicArn { get; set; } = "";
        public string MessageId { get; set; } = "";
        public string SubscribeUrl { get; set; } = "";
        public string? Token { get; set; }
        public string State { get; set; } = "";
        public long ReceivedMs { get; set; }
        public long? DecidedMs { get; set; }
        public string? Note { get; set; }

        public SnsSubscription ToSubscription() =>
            new(TopicArn, MessageId, SubscribeUrl, Token, Enum.Parse<SubscriptionState>(State), Millis.To(ReceivedMs), Millis.To(DecidedMs), Note);
    }
}
