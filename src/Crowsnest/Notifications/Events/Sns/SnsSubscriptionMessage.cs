using System.Diagnostics.CodeAnalysis;
using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Events.Sns;

/// <summary>
/// SNS subscription and unsubscribe confirmations, recognised by the fixed text SNS sends. Intake answers these
/// itself; this type lets them be previewed and listed rather than shown as unknown text.
/// </summary>
internal sealed class SnsSubscriptionMessage : IEventType
{
    private const string Subscribe = "You have chosen to subscribe to the topic";
    private const string Unsubscribe = "You have chosen to deactivate subscription";

    public string Name => "sns.subscription";

    public bool TryRecognize(ParsedPayload payload, [NotNullWhen(true)] out AwsEvent? awsEvent)
    {
        awsEvent = payload.TextStartsWith(Subscribe) || payload.TextStartsWith(Unsubscribe)
            ? EventFactory.Create(payload, Name, Severity.Info, "aws.sns", payload.TextStartsWith(Subscribe) ? "SubscriptionConfirmation" : "UnsubscribeConfirmation")
            : null;
        return awsEvent is not null;
    }

    public ChatMessage Render(AwsEvent awsEvent)
    {
        var topic = awsEvent.Notification.TopicArn;
        var subscribing = awsEvent.DetailType == "SubscriptionConfirmation";
        return new MessageBuilder(awsEvent, subscribing ? "SNS subscription confirmation" : "SNS unsubscribe confirmation")
            .Summary(awsEvent.Notification.Body)
            .Code("Topic", topic, isShort: false)
            .Keywords("sns", "subscription")
            .Build();
    }
}
