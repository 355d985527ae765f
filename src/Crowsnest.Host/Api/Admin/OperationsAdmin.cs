using System.Globalization;
using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Admin;

/// <summary>Pending SNS subscriptions, dead letters and the audit log.</summary>
internal sealed class OperationsAdmin(IStore store, ISubscriptionConfirmer confirmer, TimeProvider time, AuditWriter audit)
{
    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("ListSubscriptions", "/crowsnest/list-subscriptions", ListSubscriptionsAsync);
        yield return ("ConfirmSubscription", "/crowsnest/confirm-subscription", ConfirmAsync);
        yield return ("DropSubscription", "/crowsnest/drop-subscription", DropAsync);
        yield return ("ListDeadLetters", "/crowsnest/list-dead-letters", ListDeadLettersAsync);
        yield return ("ReplayDeadLetter", "/crowsnest/replay-dead-letter", ReplayAsync);
        yield return ("QueryAuditLog", "/crowsnest/query-audit-log", QueryAuditAsync);
    }

    private async Task<ApiOutcome> ListSubscriptionsAsync(ApiCall call)
    {
        SubscriptionState? state = Enum.TryParse<SubscriptionState>(call.Str("State"), ignoreCase: true, out var s) ? s : null;
        var items = new JsonArray();
        foreach (var sub in await store.Subscriptions.ListAsync(state, call.CancellationToken))
        {
            items.Add(new JsonObject
            {
                ["TopicArn"] = sub.TopicArn,
                ["State"] = sub.State.ToString().ToUpperInvariant(),
                ["ReceivedAt"] = sub.ReceivedAt.ToString("O"),
                ["DecidedAt"] = sub.DecidedAt?.ToString("O"),
                ["Note"] = sub.Note,
            });
        }
        return new JsonObject { ["Subscriptions"] = items };
    }

    private async Task<ApiOutcome> ConfirmAsync(ApiCall call)
    {
        if (await PendingAsync(call) is not { } sub)
        {
            return AwsError.NotFound($"No pending subscription for the topic {call.Str("TopicArn")}.");
        }
        var result = await confirmer.ConfirmAsync(sub, call.Actor, call.CancellationToken);
        await audit.WriteAsync(call, "subscription.confirm", sub.TopicArn, null, result.Confirmed ? "succeeded" : "failed: " + result.Detail);
        return new JsonObject { ["TopicArn"] = sub.TopicArn, ["Confirmed"] = result.Confirmed, ["Detail"] = result.Detail };
    }

    private async Task<ApiOutcome> DropAsync(ApiCall call)
    {
        if (await PendingAsync(call) is not { } sub)
        {
            return AwsError.NotFound($"No pending subscription for the topic {call.Str("TopicArn")}.");
        }
        await store.Subscriptions.PutAsync(sub with { State = SubscriptionState.Dropped, DecidedAt = time.GetUtcNow(), Note = $"dropped by {call.Actor}" }, call.CancellationToken);
        await audit.WriteAsync(call, "subscription.drop", sub.TopicArn, null);
        return ApiOutcome.Empty;
    }

    private async Task<SnsSubscription?> PendingAsync(ApiCall call) =>
        call.Str("TopicArn") is { } topic && await store.Subscriptions.GetAsync(topic, call.CancellationToken) is { State: SubscriptionState.Pending } sub ? sub : null;

    private async Task<ApiOutcome> ListDeadLettersAsync(ApiCall call)
    {
        var query = new DeliveryQuery(State: DeliveryState.Dead, TargetKey: call.Str("TargetKey"), Limit: Math.Clamp(call.Int("MaxResults") ?? 100, 1, 1000),
            AfterId: long.TryParse(call.Str("NextToken"), CultureInfo.InvariantCulture, out var after) ? after : null);
        var items = new JsonArray();
        var records = await store.Outbox.ListAsync(query, call.CancellationToken);
        foreach (var d in records)
        {
            items.Add(new JsonObject
            {
                ["Id"] = d.Id,
                ["NotificationId"] = d.NotificationId,
                ["TargetKey"] = d.TargetKey,
                ["ConfigurationId"] = d.ConfigurationId,
                ["Attempts"] = d.Attempts,
                ["CreatedAt"] = d.CreatedAt.ToString("O"),
                ["LastError"] = d.LastError,
            });
        }
        var output = new JsonObject { ["DeadLetters"] = items };
        if (records.Count == query.Limit)
        {
            output["NextToken"] = records[^1].Id.ToString(CultureInfo.InvariantCulture);
        }
        return output;
    }

    private async Task<ApiOutcome> ReplayAsync(ApiCall call)
    {
        var id = call.Int("Id");
        if (id is null || !await store.Outbox.ReplayAsync(id.Value, call.CancellationToken))
        {
            return AwsError.NotFound($"No dead letter with id {id}.");
        }
        await audit.WriteAsync(call, "dead-letter.replay", id.Value.ToString(CultureInfo.InvariantCulture), null);
        return ApiOutcome.Empty;
    }

    private async Task<ApiOutcome> QueryAuditAsync(ApiCall call)
    {
        var query = new AuditQuery(
            Kind: call.Str("Kind"), Actor: call.Str("Actor"), Channel: call.Str("Channel"), Decision: call.Str("Decision"),
            Since: DateTimeOffset.TryParse(call.Str("Since"), CultureInfo.InvariantCulture, out var since) ? since : null,
            Until: DateTimeOffset.TryParse(call.Str("Until"), CultureInfo.InvariantCulture, out var until) ? until : null,
            Limit: Math.Clamp(call.Int("MaxResults") ?? 100, 1, 1000),
            BeforeId: long.TryParse(call.Str("NextToken"), CultureInfo.InvariantCulture, out var before) ? before : null);
        var entries = await store.Audit.QueryAsync(query, call.CancellationToken);
        var items = new JsonArray();
        foreach (var e in entries)
        {
            items.Add(new JsonObject
            {
                ["Id"] = e.Id,
                ["At"] = e.At.ToString("O"),
                ["Kind"] = e.Kind,
                ["Actor"] = e.Actor,
                ["Channel"] = e.Channel,
                ["Action"] = e.Action,
                ["Decision"] = e.Decision,
                ["Reason"] = e.Reason,
                ["Outcome"] = e.Outcome,
                ["CorrelationId"] = e.CorrelationId,
                ["Details"] = e.Details,
            });
        }
        var output = new JsonObject { ["Entries"] = items };
        if (entries.Count == query.Limit)
        {
            output["NextToken"] = entries[^1].Id.ToString(CultureInfo.InvariantCulture);
        }
        return output;
    }
}
