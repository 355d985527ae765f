using Dapper;

namespace Crowsnest.Storage.Sql;

internal sealed class SqlThreadStore(SqlDatabase database) : IThreadStore
{
    private const string Columns =
        "target_key AS TargetKey, thread_key AS ThreadKey, platform_message_id AS PlatformMessageId, platform_channel_id AS PlatformChannelId, updated_ms AS UpdatedMs";

    public Task<ThreadAnchor?> GetAsync(string targetKey, string threadKey, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async c => (await c.QuerySingleOrDefaultAsync<AnchorRow>(new CommandDefinition(
                $"SELECT {Columns} FROM threads WHERE target_key = @targetKey AND thread_key = @threadKey", new { targetKey, threadKey }, cancellationToken: cancellationToken)))?.ToAnchor(),
            cancellationToken);

    public Task<ThreadAnchor> GetOrAddAsync(ThreadAnchor anchor, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (c, t) =>
            {
                await c.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO threads (target_key, thread_key, platform_message_id, platform_channel_id, updated_ms) " +
                    "VALUES (@TargetKey, @ThreadKey, @PlatformMessageId, @PlatformChannelId, @updated) ON CONFLICT DO NOTHING",
                    new { anchor.TargetKey, anchor.ThreadKey, anchor.PlatformMessageId, anchor.PlatformChannelId, updated = Millis.From(anchor.UpdatedAt) },
                    t,
                    cancellationToken: cancellationToken));
                var row = await c.QuerySingleAsync<AnchorRow>(new CommandDefinition(
                    $"SELECT {Columns} FROM threads WHERE target_key = @TargetKey AND thread_key = @ThreadKey", new { anchor.TargetKey, anchor.ThreadKey }, t, cancellationToken: cancellationToken));
                return row.ToAnchor();
            },
            cancellationToken,
            WriteSync.Relaxed);

    private sealed class AnchorRow
    {
        public string TargetKey { get; set; } = "";
        public string ThreadKey { get; set; } = "";
        public string PlatformMessageId { get; set; } = "";
        public string? PlatformChannelId { get; set; }
        public long UpdatedMs { get; set; }

        public ThreadAnchor ToAnchor() => new(TargetKey, ThreadKey, PlatformMessageId, PlatformChannelId, Millis.To(UpdatedMs));
    }
}
