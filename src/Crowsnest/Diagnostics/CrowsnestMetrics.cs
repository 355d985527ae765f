using System.Diagnostics.Metrics;

namespace Crowsnest.Diagnostics;

/// <summary>
/// The engine's metrics, on one <see cref="Meter"/> named <c>Crowsnest</c>; the host exports them in Prometheus
/// text format at <c>/metrics</c>, prefixed with the meter's name and lower-cased (<c>EventsProcessed</c> is scraped as
/// <c>crowsnest_eventsprocessed</c>). Names follow AWS Chatbot's CloudWatch metrics where those exist.
/// </summary>
public sealed class CrowsnestMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Crowsnest";

    private readonly Meter _meter;

    /// <summary>Creates the instruments on a meter of their own.</summary>
    public CrowsnestMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        StoreUnavailable = _meter.CreateCounter<long>("store_unavailable", description: "Operations refused because the store could not serve them.");
        EventsProcessed = _meter.CreateCounter<long>("EventsProcessed", description: "Notifications accepted into the inbox (AWS Chatbot's name), by source and topic.");
        EventsThrottled = _meter.CreateCounter<long>("EventsThrottled", description: "Notifications answered 503 because the store could not take them now (AWS Chatbot's name), by source.");
        UnsupportedEvents = _meter.CreateCounter<long>("UnsupportedEvents", description: "Notifications in a form Crowsnest does not take (AWS Chatbot's name), by source and reason.");
        IntakeRefused = _meter.CreateCounter<long>("intake_refused", description: "Intake requests refused, by endpoint and outcome.");
        IntakeUnrouted = _meter.CreateCounter<long>("intake_unrouted", description: "Verified notifications for a topic no configuration names (stored, not routed), by topic.");
        IntakeDuplicates = _meter.CreateCounter<long>("intake_duplicates", description: "Redelivered notifications already in the inbox, by source.");
        SnsSubscriptions = _meter.CreateCounter<long>("sns_subscription_messages", description: "SNS subscription messages recorded, by resulting state.");
        SqsPoisonMessages = _meter.CreateCounter<long>("sqs_poison_messages", description: "SQS messages that could not be read, left to the queue's redrive policy, by queue.");
    }

    /// <summary>The meter, for parts that add instruments of their own.</summary>
    public Meter Meter => _meter;

    /// <summary>Operations refused because the store was unavailable.</summary>
    public Counter<long> StoreUnavailable { get; }

    /// <summary>Notifications accepted into the inbox (AWS Chatbot: EventsProcessed). Tags: source, topic.</summary>
    public Counter<long> EventsProcessed { get; }

    /// <summary>Notifications the store could not take now (AWS Chatbot: EventsThrottled). Tags: source.</summary>
    public Counter<long> EventsThrottled { get; }

    /// <summary>Notifications in an unsupported form (AWS Chatbot: UnsupportedEvents). Tags: source, reason.</summary>
    public Counter<long> UnsupportedEvents { get; }

    /// <summary>Refused intake requests. Tags: endpoint, outcome.</summary>
    public Counter<long> IntakeRefused { get; }

    /// <summary>Verified notifications no configuration routes. Tags: topic.</summary>
    public Counter<long> IntakeUnrouted { get; }

    /// <summary>Redeliveries of notifications already stored. Tags: source.</summary>
    public Counter<long> IntakeDuplicates { get; }

    /// <summary>SNS subscription messages recorded. Tags: state.</summary>
    public Counter<long> SnsSubscriptions { get; }

    /// <summary>Unreadable SQS messages left to the redrive policy. Tags: queue.</summary>
    public Counter<long> SqsPoisonMessages { get; }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
