using Crowsnest.Storage;

namespace Crowsnest.Host.Api;

/// <summary>Appends one audit entry per API write. Callers pass details without secrets.</summary>
internal sealed class AuditWriter(IStore store, TimeProvider time)
{
    public Task WriteAsync(ApiCall call, string kind, string? subject, string? details, string outcome = "succeeded") =>
        store.Audit.AppendAsync(
            new AuditEntry(0, time.GetUtcNow(), kind, call.Actor, subject, call.Operation, "allowed", null, outcome, call.CorrelationId, details),
            call.CancellationToken);
}
