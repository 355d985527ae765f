using System.Text;
using Dapper;

namespace Crowsnest.Storage.Sql;

internal sealed class SqlAuditLog(SqlDatabase database) : IAuditLog
{
    public Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        database.WriteAsync(
            (c, t) => c.ExecuteScalarAsync<long>(new CommandDefinition(
                "INSERT INTO audit_log (at_ms, kind, actor, channel, action, decision, reason, outcome, correlation_id, details) " +
                "VALUES (@at, @Kind, @Actor, @Channel, @Action, @Decision, @Reason, @Outcome, @CorrelationId, @Details) RETURNING id",
                new { at = Millis.From(entry.At), entry.Kind, entry.Actor, entry.Channel, entry.Action, entry.Decision, entry.Reason, entry.Outcome, entry.CorrelationId, entry.Details },
                t,
                cancellationToken: cancellationToken)),
            cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder(
            "SELECT id AS Id, at_ms AS AtMs, kind AS Kind, actor AS Actor, channel AS Channel, action AS Action, decision AS Decision, " +
            "reason AS Reason, outcome AS Outcome, correlation_id AS CorrelationId, details AS Details FROM audit_log WHERE 1 = 1");
        if (query.Kind is not null)
        {
            sql.Append(" AND kind = @Kind");
        }
        if (query.Actor is not null)
        {
            sql.Append(" AND actor = @Actor");
        }
        if (query.Channel is not null)
        {
            sql.Append(" AND channel = @Channel");
        }
        if (query.Decision is not null)
        {
            sql.Append(" AND decision = @Decision");
        }
        if (query.Since is not null)
        {
            sql.Append(" AND at_ms >= @since");
        }
        if (query.Until is not null)
        {
            sql.Append(" AND at_ms < @until");
        }
        if (query.BeforeId is not null)
        {
            sql.Append(" AND id < @BeforeId");
        }
        sql.Append(" ORDER BY id DESC LIMIT @limit");
        var parameters = new
        {
            query.Kind,
            query.Actor,
            query.Channel,
            query.Decision,
            since = Millis.From(query.Since),
            until = Millis.From(query.Until),
            query.BeforeId,
            limit = Math.Clamp(query.Limit, 1, 1000),
        };
        return database.ReadAsync<IReadOnlyList<AuditEntry>>(
            async c => (await c.QueryAsync<AuditRow>(new CommandDefinition(sql.ToString(), parameters, cancellationToken: cancellationToken)))
                .Select(r => new AuditEntry(r.Id, Millis.To(r.AtMs), r.Kind, r.Actor, r.Channel, r.Action, r.Decision, r.Reason, r.Outcome, r.CorrelationId, r.Details))
                .ToList(),
            cancellationToken);
    }

    private sealed class AuditRow
    {
        public long Id { get; set; }
        public long AtMs { get; set; }
        public string Kind { get; set; } = "";
        public string Actor { get; set; } = "";
        public string? Channel { get; set; }
        public string Action { get; set; } = "";
        public string? Decision { get; set; }
        public string? Reason { get; set; }
        public string? Outcome { get; set; }
        public string? CorrelationId { get; set; }
        public string? Details { get; set; }
    }
}
