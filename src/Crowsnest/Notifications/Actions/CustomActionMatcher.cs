using Crowsnest.Configuration;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Notifications.Actions;

/// <summary>A custom action button that applies to an event, with its command filled in.</summary>
/// <param name="Action">The custom action.</param>
/// <param name="AttachmentIndex">Which of its attachments matched.</param>
/// <param name="ButtonText">The button's label.</param>
/// <param name="CommandText">The command with the event's variables substituted.</param>
public sealed record CustomActionMatch(CustomActionDocument Action, int AttachmentIndex, string ButtonText, string CommandText);

/// <summary>
/// Decides which custom action attachments apply to an event (AWS Chatbot's <c>NotificationType</c> and
/// <c>Criteria</c>) and fills their command text from the event's variables.
/// </summary>
/// <remarks>
/// <para><c>NotificationType</c> (absent = every notification) is compared case-insensitively, with dots, spaces and
/// underscores read as dashes, against: the event type (<c>cloudwatch-alarm</c>), its family (<c>cloudwatch</c>),
/// the EventBridge source with or without <c>aws.</c> (<c>codepipeline</c>, <c>aws-codepipeline</c>), the detail-type
/// (<c>CodePipeline-Pipeline-Execution-State-Change</c>) and, for custom notifications, <c>metadata.eventType</c>.</para>
/// <para>Criteria refer to the attachment's variables: <c>HAS_VALUE</c> holds when the variable has a non-empty
/// value, <c>EQUALS</c> when its value is exactly <c>Value</c>. All criteria must hold.</para>
/// </remarks>
public static class CustomActionMatcher
{
    /// <summary>The operator that checks a variable has a value.</summary>
    public const string HasValue = "HAS_VALUE";

    /// <summary>The operator that compares a variable with a value.</summary>
    public const string EqualsOperator = "EQUALS";

    /// <summary>Every attachment of <paramref name="actions"/> that applies to <paramref name="awsEvent"/>, in order.</summary>
    public static IReadOnlyList<CustomActionMatch> Match(AwsEvent awsEvent, IEnumerable<CustomActionDocument> actions)
    {
        ArgumentNullException.ThrowIfNull(awsEvent);
        ArgumentNullException.ThrowIfNull(actions);
        var matches = new List<CustomActionMatch>();
        foreach (var action in actions)
        {
            for (var i = 0; i < action.Attachments.Count; i++)
            {
                if (TryMatch(awsEvent, action, i) is { } match)
                {
                    matches.Add(match);
                }
            }
        }
        return matches;
    }

    /// <summary>One attachment's match, or null when its type or criteria do not fit the event.</summary>
    public static CustomActionMatch? TryMatch(AwsEvent awsEvent, CustomActionDocument action, int attachmentIndex)
    {
        ArgumentNullException.ThrowIfNull(awsEvent);
        ArgumentNullException.ThrowIfNull(action);
        var attachment = action.Attachments[attachmentIndex];
        if (attachment.NotificationType is { Length: > 0 } type && !NotificationTypes.Of(awsEvent).Contains(NotificationTypes.Normalize(type)))
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, path) in attachment.Variables)
        {
            if (EventVariables.Read(awsEvent, path) is { } value)
            {
                values[name] = value;
            }
        }
        foreach (var criterion in attachment.Criteria)
        {
            var value = values.GetValueOrDefault(criterion.VariableName);
            var holds = criterion.Operator switch
            {
                HasValue => !string.IsNullOrEmpty(value),
                EqualsOperator => value is not null && string.Equals(value, criterion.Value ?? "", StringComparison.Ordinal),
                _ => false,
            };
            if (!holds)
            {
                return null;
            }
        }
        var label = attachment.ButtonText is { Length: > 0 } text ? text : action.ActionName;
        return new CustomActionMatch(action, attachmentIndex, label, CommandTemplate.Fill(action.Definition.CommandText, values));
    }
}
