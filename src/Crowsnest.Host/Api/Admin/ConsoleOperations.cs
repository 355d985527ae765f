using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.Channels;
using Crowsnest.Channels.Console;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Notifications.Deliver;
using Crowsnest.Notifications.Route;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Admin;

/// <summary>
/// Read-only figures and lists the web console shows (any API client may use them), the console inbox, test messages
/// and retrying a delivery now.
/// </summary>
internal sealed class ConsoleOperations(IStore store, ConfigSnapshotSource snapshots, TimeProvider time, AuditWriter audit)
{
    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("GetOverview", "/crowsnest/get-overview", OverviewAsync);
        yield return ("ListDeliveries", "/crowsnest/list-deliveries", ListDeliveriesAsync);
        yield return ("RetryDelivery", "/crowsnest/retry-delivery", RetryAsync);
        yield return ("ListInboxMessages", "/crowsnest/list-inbox-messages", ListInboxAsync);
        yield return ("SendTestMessage", "/crowsnest/send-test-message", SendTestAsync);
    }

    private async Task<ApiOutcome> OverviewAsync(ApiCall call)
    {
        var now = time.GetUtcNow();
        var hour = await store.Inbox.CountByEventTypeAsync(now.AddHours(-1), call.CancellationToken);
        var day = await store.Inbox.CountByEventTypeAsync(now.AddDays(-1), call.CancellationToken);
        var states = await store.Outbox.CountByStateAsync(call.CancellationToken);
        var pending = await store.Subscriptions.ListAsync(SubscriptionState.Pending, call.CancellationToken);
        var deliveries = new JsonObject();
        foreach (var state in Enum.GetValues<DeliveryState>())
        {
            deliveries[state.ToString()] = states.Where(s => s.State == state).Sum(s => s.Count);
        }
        return new JsonObject
        {
            ["EventsLastHour"] = Counts(hour),
            ["EventsLastDay"] = Counts(day),
            ["Deliveries"] = deliveries,
            ["DeadLetters"] = states.Where(s => s.State == DeliveryState.Dead).Sum(s => s.Count),
            ["UnrecognizedLastDay"] = day.Where(IsUnrecognized).Sum(c => c.Count),
            ["PendingSubscriptions"] = pending.Count,
        };
    }

    private static bool IsUnrecognized(EventTypeCount count) =>
        string.Equals(count.EventType, Router.UnrecognizedType, StringComparison.OrdinalIgnoreCase)
        || string.Equals(count.EventType, nameof(NotificationState.Unrecognized), StringComparison.OrdinalIgnoreCase);

    private static JsonArray Counts(IReadOnlyList<EventTypeCount> counts) =>
        [.. counts.Select(c => (JsonNode)new JsonObject { ["EventType"] = c.EventType, ["Count"] = c.Count })];

    private async Task<ApiOutcome> ListDeliveriesAsync(ApiCall call)
    {
        DeliveryState? state = null;
        if (call.Str("State") is { Length: > 0 } s)
        {
            if (!Enum.TryParse<DeliveryState>(s, ignoreCase: true, out var parsed))
            {
                return AwsError.InvalidParameter($"Value '{s}' at 'state' must be one of: {string.Join(", ", Enum.GetNames<DeliveryState>())}");
            }
            state = parsed;
        }
        var query = new DeliveryQuery(state, call.Str("TargetKey"), call.Str("NotificationId"), Math.Clamp(call.Int("MaxResults") ?? 100, 1, 500),
            long.TryParse(call.Str("NextToken"), CultureInfo.InvariantCulture, out var after) ? after : null);
        var records = await store.Outbox.ListAsync(query, call.CancellationToken);
        var items = new JsonArray();
        foreach (var d in records)
        {
            items.Add(new JsonObject
            {
                ["Id"] = d.Id,
                ["NotificationId"] = d.NotificationId,
                ["TargetKey"] = d.TargetKey,
                ["ConfigurationId"] = d.ConfigurationId,
                ["Title"] = DeliveryPayload.FromJson(d.Payload)?.Message.Title,
                ["State"] = d.State.ToString(),
                ["Attempts"] = d.Attempts,
                ["CreatedAt"] = d.CreatedAt.ToString("O"),
                ["NextAttemptAt"] = d.NextAttemptAt.ToString("O"),
                ["DeliveredAt"] = d.DeliveredAt?.ToString("O"),
                ["LastError"] = d.LastError,
            });
        }
        var output = new JsonObject { ["Deliveries"] = items };
        if (records.Count == query.Limit)
        {
            output["NextToken"] = records[^1].Id.ToString(CultureInfo.InvariantCulture);
        }
        return output;
    }

    private async Task<ApiOutcome> RetryAsync(ApiCall call)
    {
        var id = call.Int("Id");
        if (id is null || !await store.Outbox.ReplayAsync(id.Value, call.CancellationToken))
        {
            return AwsError.NotFound($"No dead or delivered delivery with id {id}.");
        }
        await audit.WriteAsync(call, "delivery.retry", id.Value.ToString(CultureInfo.InvariantCulture), null);
        return ApiOutcome.Empty;
    }

    private async Task<ApiOutcome> ListInboxAsync(ApiCall call)
    {
        var names = call.Str("InboxName") is { Length: > 0 } name
            ? [name]
            : snapshots.Current.Configurations.Select(c => c.Target).OfType<ConsoleInboxTarget>().Select(t => t.InboxName).Distinct().ToList();
        var limit = Math.Clamp(call.Int("MaxResults") ?? 50, 1, 200);
        var messages = new List<(DeliveryRecord Record, DeliveryPayload Payload)>();
        foreach (var inbox in names)
        {
            var records = await store.Outbox.ListAsync(new DeliveryQuery(DeliveryState.Delivered, "console:" + inbox, Limit: limit), call.CancellationToken);
            messages.AddRange(records.Select(r => (r, DeliveryPayload.FromJson(r.Payload))).Where(m => m.Item2 is not null).Select(m => (m.r, m.Item2!)));
        }
        var items = new JsonArray();
        foreach (var (record, payload) in messages.OrderByDescending(m => m.Record.Id).Take(limit))
        {
            var rendered = ConsoleRenderer.Instance.Render(payload.Message, RenderOptions.None);
            items.Add(new JsonObject
            {
                ["Id"] = record.Id,
                ["InboxName"] = record.TargetKey["console:".Length..],
                ["ConfigurationArn"] = payload.ConfigurationArn,
                ["EventType"] = payload.Message.EventType,
                ["Title"] = payload.Message.Title,
                ["Severity"] = payload.Message.Severity.ToString(),
                ["DeliveredAt"] = record.DeliveredAt?.ToString("O"),
                ["Html"] = Encoding.UTF8.GetString(rendered.Body.Span),
            });
        }
        return new JsonObject { ["Messages"] = items };
    }

    private async Task<ApiOutcome> SendTestAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn") ?? "";
        // A configuration saved a moment ago may not be in this instance's snapshot yet.
        var configuration = snapshots.Current.ByArn(arn);
        if (configuration is null)
        {
            await snapshots.RefreshAsync(call.CancellationToken);
            configuration = snapshots.Current.ByArn(arn);
        }
        if (configuration is null)
        {
            return AwsError.NotFound($"The configuration {arn} does not exist (or is not valid yet).");
        }
        var now = time.GetUtcNow();
        var message = new ChatMessage
        {
            EventType = "crowsnest.test",
            Title = $"Test message for {configuration.Name}",
            Severity = Severity.Info,
            Summary = $"Sent from Crowsnest by {call.Actor} at {now:yyyy-MM-dd HH:mm:ss} UTC. If you can read this, the configuration delivers here.",
            OccurredAt = now,
        };
        var notificationId = "test-" + call.CorrelationId + "-" + Guid.NewGuid().ToString("N")[..8];
        var payload = new DeliveryPayload { Message = message, ConfigurationArn = arn, TargetKey = configuration.Target.Key, NotificationId = notificationId };
        await store.Outbox.EnqueueAsync([new NewDelivery(notificationId, configuration.Target.Key, arn, null, payload.ToJson(), now)], call.CancellationToken);
        await audit.WriteAsync(call, "configuration.test-message", arn, null);
        return new JsonObject { ["NotificationId"] = notificationId, ["TargetKey"] = configuration.Target.Key };
    }
}
