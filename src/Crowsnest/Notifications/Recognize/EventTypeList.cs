using Crowsnest.Notifications.Events.CloudWatch;
using Crowsnest.Notifications.Events.Custom;
using Crowsnest.Notifications.Events.Generic;
using Crowsnest.Notifications.Events.Sns;

namespace Crowsnest.Notifications.Recognize;

/// <summary>
/// The explicit, ordered list of event types. More specific types come before broader ones of the same service;
/// the fallbacks come last.
/// </summary>
public static class EventTypeList
{
    /// <summary>Specific event types, in the order they are tried.</summary>
    public static IReadOnlyList<IEventType> Specific { get; } =
    [
        new CustomNotification(),
        new CloudWatchAlarm(),
        new SnsSubscriptionMessage(),
    ];

    /// <summary>Generic fallbacks, tried after every specific type.</summary>
    public static IReadOnlyList<IEventType> Fallbacks { get; } =
    [
        new GenericEventBridgeEvent(),
        new SnsText(),
    ];
}
