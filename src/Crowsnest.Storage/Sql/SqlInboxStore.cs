using System.Globalization;
using System.Text;
using Crowsnest.Notifications;
using Dapper;

namespace Crowsnest.Storage.Sql;

internal sealed class SqlInboxStore(SqlDatabase database, InboxWriter writer, StoreSignals signals) : IInboxStore
{
    private const string Columns =
        "message_id AS MessageId, source AS Source, topic_arn AS TopicArn, source_key AS SourceKey, subject AS Subject, body AS Body, " +
        "attributes AS Attributes, published_ms AS PublishedMs, received_ms AS ReceivedMs, state AS State, event_type AS EventType, " +
        "error AS Error, attempts AS Attempts, processed_ms AS ProcessedMs";

    public async ValueTask<bool> AcceptAsync(Notification notification, CancellationToken cancellationToken)
    {
        var accepted = await writer.AcceptAsync(notification, cancellationToken);
        if (accepted)
        {
            signals.Received.Set();
        }
        return accepted;
    }

    public Task<IReadOnlyList<StoredNotification>> LeaseReceivedAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = database.NowMs;
        // An owner runs one pass at a time and completes what it leased, so rows still leased to it are left from a
        // pass that failed (the store went away mid-pass): it takes them back now rather than after the lease.
        var sql =
            $"UPDATE notifications SET lease_owner = @owner, lease_until_ms = @until, attempts = attempts + 1 " +
            $"WHERE message_id IN (SELECT message_id FROM notifications WHERE state = 'Received' AND (lease_until_ms IS NULL OR lease_until_ms < @now OR lease_owner = @owner) " +
            $"ORDER BY received_ms LIMIT @max{database.Dialect.SkipLocked}) RETURNING {Columns}";
        return database.WriteAsync<IReadOnlyList<StoredNotification>>(
            async (c, t) =>
            {
                var rows = await c.QueryAsync<NotificationRow>(new CommandDefinition(
                    sql, new { owner, until = now + (long)lease.TotalMilliseconds, now, max }, t, cancellationToken: cancellationToken));
                return rows.OrderBy(r => r.ReceivedMs).Select(r => r.ToStored()).ToList();
            },
            cancellationToken,
            WriteSync.Relaxed);
    }

    public Task CompleteAsync(ProcessingOutcome outcome, IReadOnlyList<NewDelivery> deliveries, CancellationToken cancellationToken) =>
        CompleteAllAsync([(outcome, deliveries)], cancellationToken);

    public async Task CompleteAllAsync(IReadOnlyList<(ProcessingOutcome Outcome, IReadOnlyList<NewDelivery> Deliveries)> completions, CancellationToken cancellationToken)
    {
        await database.WriteAsync(
            async (c, t) =>
            {
                foreach (var (outcome, deliveries) in completions)
                {
                    await c.ExecuteAsync(new CommandDefinition(
                        "UPDATE notifications SET state = @state, event_type = @eventType, error = @error, processed_ms = @now, lease_owner = NULL, lease_until_ms = NULL " +
                        "WHERE message_id = @id",
                        new { state = outcome.State.ToString(), eventType = outcome.EventType, error = outcome.Error, now = database.NowMs, id = outcome.MessageId },
                        t,
                        cancellationToken: cancellationToken));
                    await SqlOutboxStore.InsertAsync(c, t, deliveries, database.NowMs, cancellationToken);
                }
            },
            cancellationToken,
            WriteSync.Relaxed);
        if (completions.Any(c => c.Deliveries.Count > 0))
        {
            signals.DeliveriesDue.Set();
        }
    }

    public Task<StoredNotification?> GetAsync(string messageId, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async c => (await c.QuerySingleOrDefaultAsync<NotificationRow>(new CommandDefinition(
                $"SELECT {Columns} FROM notifications WHERE message_id = @messageId", new { messageId }, cancellationToken: cancellationToken)))?.ToStored(),
            cancellationToken);

    public Task<IReadOnlyList<StoredNotification>> ListAsync(NotificationQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM notifications WHERE 1 = 1");
        if (query.State is not null)
        {
            sql.Append(" AND state = @state");
        }
        if (query.EventType is not null)
        {
            sql.Append(" AND event_type = @EventType");
        }
        if (query.TopicArn is not null)
        {
            sql.Append(" AND topic_arn = @TopicArn");
        }
        if (query.Since is not null)
        {
            sql.Append(" AND received_ms >= @since");
        }
        var afterMs = query.After is null ? (long?)null : long.Parse(query.After, CultureInfo.InvariantCulture);
        if (afterMs is not null)
        {
            sql.Append(" AND received_ms < @afterMs");
        }
        sql.Append(" ORDER BY received_ms DESC LIMIT @limit");
        var parameters = new
        {
            state = query.State?.ToString(),
            query.EventType,
            query.TopicArn,
            since = Millis.From(query.Since),
            afterMs,
            limit = Math.Clamp(query.Limit, 1, 1000),
        };
        return database.ReadAsync<IReadOnlyList<StoredNotification>>(
            async c => (await c.QueryAsync<NotificationRow>(new CommandDefinition(sql.ToString(), parameters, cancellationToken: cancellationToken)))
                .Select(r => r.ToStored()).ToList(),
            cancellationToken);
    }

    public Task<IReadOnlyList<EventTypeCount>> CountByEventTypeAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<EventTypeCount>>(
            async c => (await c.QueryAsync<(string EventType, long Count)>(new CommandDefinition(
                    "SELECT COALESCE(event_type, state) AS EventType, COUNT(*) AS Count FROM notifications WHERE received_ms >= @since GROUP BY COALESCE(event_type, state) ORDER BY 2 DESC",
                    new { since = Millis.From(since) },
                    cancellationToken: cancellationToken)))
                .Select(r => new EventTypeCount(r.EventType, r.Count)).ToList(),
            cancellationToken);

    private sealed class NotificationRow
    {
        public string MessageId { get; set; } = "";
        public string Source { get; set; } = "";
        public string? TopicArn { get; set; }
        public string? SourceKey { get; set; }
        public string? Subject { get; set; }
        public string Body { get; set; } = "";
        public string? Attributes { get; set; }
        public long? PublishedMs { get; set; }
        public long ReceivedMs { get; set; }
        public string State { get; set; } = "";
        public string? EventType { get; set; }
        public string? Error { get; set; }
        public long Attempts { get; set; }
        public long? ProcessedMs { get; set; }

        public StoredNotification ToStored() => new(
            new Notification
            {
                MessageId = MessageId,
                Source = Enum.Parse<NotificationSource>(Source),
                TopicArn = TopicArn,
                SourceKey = SourceKey,
                Subject = Subject,
                Body = Body,
                Attributes = StorageJson.DeserializeAttributes(Attributes),
                Timestamp = Millis.To(PublishedMs),
                ReceivedAt = Millis.To(ReceivedMs),
            },
            Enum.Parse<NotificationState>(State),
            EventType,
            Error,
            (int)Attempts,
            Millis.To(ProcessedMs));
    }
}
