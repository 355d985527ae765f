using System.Data.Common;
using System.Text;
using Dapper;

namespace Crowsnest.Storage.Sql;

internal sealed class SqlOutboxStore(SqlDatabase database, WorkSignal due) : IOutboxStore
{
    private const string Columns =
        "id AS Id, notification_id AS NotificationId, target_key AS TargetKey, configuration_id AS ConfigurationId, thread_key AS ThreadKey, " +
        "payload AS Payload, state AS State, attempts AS Attempts, created_ms AS CreatedMs, next_attempt_ms AS NextAttemptMs, " +
        "lease_owner AS LeaseOwner, lease_until_ms AS LeaseUntilMs, last_error AS LastError, delivered_ms AS DeliveredMs, " +
        "platform_message_id AS PlatformMessageId";

    public static async Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<NewDelivery> deliveries, long nowMs, CancellationToken cancellationToken)
    {
        foreach (var d in deliveries)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO deliveries (notification_id, target_key, configuration_id, thread_key, payload, state, attempts, created_ms, next_attempt_ms) " +
                "VALUES (@NotificationId, @TargetKey, @ConfigurationId, @ThreadKey, @Payload, 'Pending', 0, @now, @notBefore) " +
                "ON CONFLICT (notification_id, target_key) DO NOTHING",
                new { d.NotificationId, d.TargetKey, d.ConfigurationId, d.ThreadKey, d.Payload, now = nowMs, notBefore = Millis.From(d.NotBefore) },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    public async Task EnqueueAsync(IReadOnlyList<NewDelivery> deliveries, CancellationToken cancellationToken)
    {
        await database.WriteAsync((c, t) => InsertAsync(c, t, deliveries, database.NowMs, cancellationToken), cancellationToken);
        due.Set();
    }

    public Task<IReadOnlyList<DeliveryRecord>> LeaseDueAsync(string owner, int max, TimeSpan lease, CancellationToken cancellationToken) =>
        // A delivery is due when pending and its time has come, or leased by a worker whose lease ran out, or leased
        // by this owner in a pass that failed (an owner's pass settles all it leased before the next one starts).
        LeaseWhereAsync("((d.state = 'Pending' AND d.next_attempt_ms <= @now) OR (d.state = 'Leased' AND (d.lease_until_ms < @now OR d.lease_owner = @owner)))",
            owner, null, max, lease, cancellationToken);

    public Task<IReadOnlyList<DeliveryRecord>> LeaseBacklogAsync(string owner, string targetKey, int max, TimeSpan lease, CancellationToken cancellationToken) =>
        LeaseWhereAsync("d.target_key = @targetKey AND d.state = 'Pending'", owner, targetKey, max, lease, cancellationToken);

    private Task<IReadOnlyList<DeliveryRecord>> LeaseWhereAsync(string condition, string owner, string? targetKey, int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = database.NowMs;
        // Within one (target, thread key) only the oldest unfinished delivery may go, so a thread's messages keep their order.
        var sql =
            "UPDATE deliveries SET state = 'Leased', lease_owner = @owner, lease_until_ms = @until, attempts = attempts + 1 " +
            $"WHERE id IN (SELECT d.id FROM deliveries d WHERE {condition} " +
            "AND (d.thread_key IS NULL OR NOT EXISTS (SELECT 1 FROM deliveries e WHERE e.target_key = d.target_key AND e.thread_key = d.thread_key " +
            "AND e.id < d.id AND e.state IN ('Pending', 'Leased'))) " +
            $"ORDER BY d.next_attempt_ms, d.id LIMIT @max{database.Dialect.SkipLocked}) RETURNING {Columns}";
        return database.WriteAsync<IReadOnlyList<DeliveryRecord>>(
            async (c, t) => (await c.QueryAsync<DeliveryRow>(new CommandDefinition(
                    sql, new { owner, until = now + (long)lease.TotalMilliseconds, now, max, targetKey }, t, cancellationToken: cancellationToken)))
                .OrderBy(r => r.NextAttemptMs).ThenBy(r => r.Id).Select(r => r.ToRecord()).ToList(),
            cancellationToken,
            WriteSync.Relaxed);
    }

    public Task<bool> CompleteAsync(long id, string owner, string? platformMessageId, CancellationToken cancellationToken) =>
        UpdateLeasedAsync(
            "state = 'Delivered', delivered_ms = @now, platform_message_id = @platformMessageId, last_error = NULL, lease_owner = NULL, lease_until_ms = NULL",
            id,
            owner,
            new { platformMessageId },
            cancellationToken);

    public async Task<int> WakeTargetAsync(string targetKey, CancellationToken cancellationToken)
    {
        var woken = await database.WriteAsync(
            async (c, t) => await c.ExecuteAsync(new CommandDefinition(
                "UPDATE deliveries SET next_attempt_ms = @now WHERE target_key = @targetKey AND state = 'Pending' AND next_attempt_ms > @now",
                new { targetKey, now = database.NowMs },
                t,
                cancellationToken: cancellationToken)),
            cancellationToken,
            WriteSync.Relaxed);
        if (woken > 0)
        {
            due.Set();
        }
        return woken;
    }

    // No send was made: the lease's count is taken back.
    public Task<bool> DeferAsync(long id, string owner, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken) =>
        PutBackAsync(id, owner, nextAttemptAt, reason, wasAttempt: false, cancellationToken);

    public Task<bool> RetryAsync(long id, string owner, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken) =>
        PutBackAsync(id, owner, nextAttemptAt, error, wasAttempt: true, cancellationToken);

    private Task<bool> PutBackAsync(long id, string owner, DateTimeOffset nextAttemptAt, string error, bool wasAttempt, CancellationToken cancellationToken) =>
        UpdateLeasedAsync(
            $"state = 'Pending', next_attempt_ms = @next, last_error = @error, lease_owner = NULL, lease_until_ms = NULL{(wasAttempt ? "" : ", attempts = attempts - 1")}",
            id,
            owner,
            new { next = Millis.From(nextAttemptAt), error },
            cancellationToken);

    public Task<bool> DeadLetterAsync(long id, string owner, string error, CancellationToken cancellationToken) =>
        UpdateLeasedAsync("state = 'Dead', last_error = @error, lease_owner = NULL, lease_until_ms = NULL", id, owner, new { error }, cancellationToken);

    public Task<bool> ReplacePayloadAsync(long id, string owner, string payload, CancellationToken cancellationToken) =>
        UpdateLeasedAsync("payload = @payload", id, owner, new { payload }, cancellationToken);

    private Task<bool> UpdateLeasedAsync(string set, long id, string owner, object values, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(values);
        parameters.AddDynamicParams(new { id, owner, now = database.NowMs });
        return database.WriteAsync(
            async (c, t) => await c.ExecuteAsync(new CommandDefinition(
                $"UPDATE deliveries SET {set} WHERE id = @id AND state = 'Leased' AND lease_owner = @owner", parameters, t, cancellationToken: cancellationToken)) == 1,
            cancellationToken,
            WriteSync.Relaxed);
    }

    public async Task<bool> ReplayAsync(long id, CancellationToken cancellationToken)
    {
        var replayed = await database.WriteAsync(
            async (c, t) => await c.ExecuteAsync(new CommandDefinition(
                "UPDATE deliveries SET state = 'Pending', next_attempt_ms = @now, attempts = 0, lease_owner = NULL, lease_until_ms = NULL " +
                "WHERE id = @id AND state IN ('Dead', 'Delivered')",
                new { id, now = database.NowMs },
                t,
                cancellationToken: cancellationToken)) == 1,
            cancellationToken);
        if (replayed)
        {
            due.Set();
        }
        return replayed;
    }

    public Task<DeliveryRecord?> GetAsync(long id, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async c => (await c.QuerySingleOrDefaultAsync<DeliveryRow>(new CommandDefinition(
                $"SELECT {Columns} FROM deliveries WHERE id = @id", new { id }, cancellationToken: cancellationToken)))?.ToRecord(),
            cancellationToken);

    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(DeliveryQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM deliveries WHERE 1 = 1");
        if (query.State is not null)
        {
            sql.Append(" AND state = @state");
        }
        if (query.TargetKey is not null)
        {
            sql.Append(" AND target_key = @TargetKey");
        }
        if (query.NotificationId is not null)
        {
            sql.Append(" AND notification_id = @NotificationId");
        }
        if (query.AfterId is not null)
        {
            sql.Append(" AND id < @AfterId");
        }
        sql.Append(" ORDER BY id DESC LIMIT @limit");
        var parameters = new { state = query.State?.ToString(), query.TargetKey, query.NotificationId, query.AfterId, limit = Math.Clamp(query.Limit, 1, 1000) };
        return database.ReadAsync<IReadOnlyList<DeliveryRecord>>(
            async c => (await c.QueryAsync<DeliveryRow>(new CommandDefinition(sql.ToString(), parameters, cancellationToken: cancellationToken)))
                .Select(r => r.ToRecord()).ToList(),
            cancellationToken);
    }

    public Task<IReadOnlyList<DeliveryStateCount>> CountByStateAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<DeliveryStateCount>>(
            async c => (await c.QueryAsync<(string State, long Count)>(new CommandDefinition(
                    "SELECT state, COUNT(*) FROM deliveries GROUP BY state", cancellationToken: cancellationToken)))
                .Select(r => new DeliveryStateCount(Enum.Parse<DeliveryState>(r.State), r.Count)).ToList(),
            cancellationToken);

    private sealed class DeliveryRow
    {
        public long Id { get; set; }
        public string NotificationId { get; set; } = "";
        public string TargetKey { get; set; } = "";
        public string ConfigurationId { get; set; } = "";
        public string? ThreadKey { get; set; }
        public string Payload { get; set; } = "";
        public string State { get; set; } = "";
        public long Attempts { get; set; }
        public long CreatedMs { get; set; }
        public long NextAttemptMs { get; set; }
        public string? LeaseOwner { get; set; }
        public long? LeaseUntilMs { get; set; }
        public string? LastError { get; set; }
        public long? DeliveredMs { get; set; }
        public string? PlatformMessageId { get; set; }

        public DeliveryRecord ToRecord() => new(
            Id, NotificationId, TargetKey, ConfigurationId, ThreadKey, Payload, Enum.Parse<DeliveryState>(State), (int)Attempts,
            Millis.To(CreatedMs), Millis.To(NextAttemptMs), LeaseOwner, Millis.To(LeaseUntilMs), LastError, Millis.To(DeliveredMs), PlatformMessageId);
    }
}
