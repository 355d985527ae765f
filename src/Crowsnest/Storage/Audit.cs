namespace Crowsnest.Storage;

/// <summary>One audit record: a command, an authorization decision, or an administrative change.</summary>
/// <param name="Id">Assigned by the store (0 when appending).</param>
/// <param name="At">When.</param>
/// <param name="Kind">E.g. <c>command</c>, <c>authorization</c>, <c>configuration.update</c>, <c>api-key.create</c>.</param>
/// <param name="Actor">Who: a chat user (<c>slack:T1:U1</c>), an API key id, a console user.</param>
/// <param name="Channel">The chat channel or configuration, when any.</param>
/// <param name="Action">What was asked, e.g. the command text or API operation (never a secret).</param>
/// <param name="Decision">allowed, denied, confirmed, cancelled, ...</param>
/// <param name="Reason">Why, in one sentence.</param>
/// <param name="Outcome">What happened: succeeded, failed with code, ...</param>
/// <param name="CorrelationId">Links the records of one request.</param>
/// <param name="Details">Further JSON details.</param>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset At,
    string Kind,
    string Actor,
    string? Channel,
    string Action,
    string? Decision,
    string? Reason,
    string? Outcome,
    string? CorrelationId,
    string? Details);

/// <summary>Filters for querying the audit log; all optional.</summary>
public sealed record AuditQuery(
    string? Kind = null,
    string? Actor = null,
    string? Channel = null,
    string? Decision = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    int Limit = 100,
    long? BeforeId = null);

/// <summary>The audit log. It cannot be turned off: every command and authorization decision is appended before the reply.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry and returns its id.</summary>
    Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries matching the query, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}
