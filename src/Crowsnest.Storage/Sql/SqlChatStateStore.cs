using Dapper;

namespace Crowsnest.Storage.Sql;

internal sealed class SqlChatStateStore(SqlDatabase database) : IChatStateStore
{
    private const string Columns =
        "id AS Id, kind AS Kind, channel_key AS ChannelKey, thread_id AS ThreadId, user_id AS UserId, state AS State, created_ms AS CreatedMs, expires_ms AS ExpiresMs";

    public Task PutPendingAsync(PendingInteraction pending, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (c, t) => c.ExecuteAsync(new CommandDefinition(
                "INSERT INTO chat_pending (id, kind, channel_key, thread_id, user_id, state, created_ms, expires_ms) " +
                "VALUES (@Id, @Kind, @ChannelKey, @ThreadId, @UserId, @State, @created, @expires) " +
                "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, channel_key = excluded.channel_key, thread_id = excluded.thread_id, " +
                "user_id = excluded.user_id, state = excluded.state, created_ms = excluded.created_ms, expires_ms = excluded.expires_ms",
                new { pending.Id, pending.Kind, pending.ChannelKey, pending.ThreadId, pending.UserId, pending.State, created = Millis.From(pending.CreatedAt), expires = Millis.From(pending.ExpiresAt) },
                t,
                cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<PendingInteraction?> GetPendingAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async c => (await c.QuerySingleOrDefaultAsync<PendingRow>(new CommandDefinition(
                $"SELECT {Columns} FROM chat_pending WHERE id = @id", new { id }, cancellationToken: cancellationToken)))?.ToPending(),
            cancellationToken);

    public Task<PendingInteraction?> FindPendingAsync(string channelKey, string threadId, string userId, string kind, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async c => (await c.QueryFirstOrDefaultAsync<PendingRow>(new CommandDefinition(
                $"SELECT {Columns} FROM chat_pending WHERE channel_key = @channelKey AND thread_id = @threadId AND user_id = @userId AND kind = @kind " +
                "AND expires_ms > @now ORDER BY created_ms DESC, id LIMIT 1",
                new { channelKey, threadId, userId, kind, now = database.NowMs },
                cancellationToken: cancellationToken)))?.ToPending(),
            cancellationToken);

    public Task<bool> TakePendingAsync(string id, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) => await c.ExecuteAsync(new CommandDefinition("DELETE FROM chat_pending WHERE id = @id", new { id }, t, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public Task<bool> TryClaimEventAsync(string eventId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                // An expired claim no longer blocks (the id may be reused far in the future).
                await c.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM chat_events WHERE event_id = @eventId AND expires_ms <= @now", new { eventId, now = database.NowMs }, t, cancellationToken: cancellationToken));
                return await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO chat_events (event_id, expires_ms) VALUES (@eventId, @expires) ON CONFLICT DO NOTHING",
                    new { eventId, expires = Millis.From(expiresAt) }, t, cancellationToken: cancellationToken)) == 1;
            },
            cancellationToken);

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
                await c.ExecuteAsync(new CommandDefinition("DELETE FROM chat_pending WHERE expires_ms <= @now", new { now = database.NowMs }, t, cancellationToken: cancellationToken))
                + await c.ExecuteAsync(new CommandDefinition("DELETE FROM chat_events WHERE expires_ms <= @now", new { now = database.NowMs }, t, cancellationToken: cancellationToken)),
            cancellationToken);

    private sealed class PendingRow
    {
        public string Id { get; set; } = "";
        public string Kind { get; set; } = "";
        public string ChannelKey { get; set; } = "";
        public string? ThreadId { get; set; }
        public string UserId { get; set; } = "";
        public string State { get; set; } = "";
        public long CreatedMs { get; set; }
        public long ExpiresMs { get; set; }

        public PendingInteraction ToPending() => new(Id, Kind, ChannelKey, ThreadId, UserId, State, Millis.To(CreatedMs), Millis.To(ExpiresMs));
    }
}
