using System.Diagnostics.CodeAnalysis;
using Crowsnest.Messages;

namespace Crowsnest.Notifications.Recognize;

/// <summary>
/// A recognised kind of AWS payload with its own neutral rendering. Implementations are stateless and listed
/// explicitly in <see cref="EventTypeList"/>; nothing is found by assembly scanning.
/// </summary>
public interface IEventType
{
    /// <summary>Lower-case dotted name, such as <c>cloudwatch.alarm</c>.</summary>
    string Name { get; }

    /// <summary>Decides cheaply from the parsed payload whether it is this type, and extracts the common fields.</summary>
    bool TryRecognize(ParsedPayload payload, [NotNullWhen(true)] out AwsEvent? awsEvent);

    /// <summary>Renders the platform-neutral chat message. Never throws for odd or missing fields.</summary>
    ChatMessage Render(AwsEvent awsEvent);
}
