using System.Text.RegularExpressions;
using Crowsnest.Configuration.Filters;
using Crowsnest.Configuration.Model;
using Crowsnest.Messages;

namespace Crowsnest.Configuration;

/// <summary>
/// Validates configuration records before they are written and before they enter a snapshot, listing every
/// problem at once. Field lengths and patterns come from the AWS Chatbot model; Crowsnest's own fields have
/// their rules here. Messages never contain secret values.
/// </summary>
public static partial class ConfigurationValidator
{
    private static readonly ModelValidator Model = ModelValidator.Chatbot;

    /// <summary>Every problem with a channel configuration and its secrets (empty when valid).</summary>
    public static IReadOnlyList<ValidationError> Validate(ChannelConfigurationDocument configuration, ChannelSecrets? secrets)
    {
        var errors = new List<ValidationError>();
        Model.CheckString("ConfigurationName", configuration.ConfigurationName, "configurationName", errors);
        Model.CheckString("ChatConfigurationArn", configuration.ChatConfigurationArn, "chatConfigurationArn", errors);
        ValidateTarget(configuration, secrets, errors);
        for (var i = 0; i < configuration.SnsTopicArns.Count; i++)
        {
            var path = $"snsTopicArns.{i + 1}.member";
            var before = errors.Count;
            Model.CheckString("Arn", configuration.SnsTopicArns[i], path, errors);
            if (errors.Count == before && !SnsTopicArn().IsMatch(configuration.SnsTopicArns[i]))
            {
                errors.Add(new ValidationError(path, $"Value '{configuration.SnsTopicArns[i]}' at '{path}' is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>)"));
            }
        }
        if (configuration.SnsTopicArns.Distinct(StringComparer.Ordinal).Count() != configuration.SnsTopicArns.Count)
        {
            errors.Add(new ValidationError("snsTopicArns", "Value at 'snsTopicArns' names the same topic more than once"));
        }
        for (var i = 0; i < configuration.Sources.Count; i++)
        {
            if (!SourceName().IsMatch(configuration.Sources[i]))
            {
                errors.Add(new ValidationError($"sources.{i + 1}.member", $"Value '{configuration.Sources[i]}' at 'sources.{i + 1}.member' must be an intake source name such as events or webhooks/build"));
            }
        }
        if (configuration.IamRoleArn is not null || configuration.TargetType is TargetTypes.SlackChannel or TargetTypes.TeamsChannel or TargetTypes.ChimeWebhook)
        {
            Model.CheckString("Arn", configuration.IamRoleArn, "iamRoleArn", errors);
        }
        for (var i = 0; i < configuration.GuardrailPolicyArns.Count; i++)
        {
            Model.CheckString("GuardrailPolicyArn", configuration.GuardrailPolicyArns[i], $"guardrailPolicyArns.{i + 1}.member", errors);
        }
        Model.CheckString("CustomerCwLogLevel", configuration.LoggingLevel, "loggingLevel", errors);
        Model.CheckString("ResourceState", configuration.State, "state", errors);
        if (configuration.UnrecognizedEvents is not (UnrecognizedEventPolicies.DeliverGeneric or UnrecognizedEventPolicies.Hold))
        {
            errors.Add(new ValidationError("unrecognizedEvents", $"Value '{configuration.UnrecognizedEvents}' at 'unrecognizedEvents' must be deliver or hold"));
        }
        if (configuration.EventFilter is { } filter)
        {
            ValidateFilter(filter, errors);
        }
        return errors;
    }

    /// <summary>Every problem with a Slack workspace registration.</summary>
    public static IReadOnlyList<ValidationError> Validate(SlackWorkspaceDocument workspace, SlackWorkspaceSecrets? secrets)
    {
        var errors = new List<ValidationError>();
        Model.CheckString("SlackTeamId", workspace.SlackTeamId, "slackTeamId", errors);
        Model.CheckString("SlackTeamName", workspace.SlackTeamName, "slackTeamName", errors);
        Model.CheckString("ResourceState", workspace.State, "state", errors);
        if (secrets is null || string.IsNullOrEmpty(secrets.BotToken) || !secrets.BotToken.StartsWith("xox", StringComparison.Ordinal))
        {
            errors.Add(new ValidationError("botToken", "Value at 'botToken' must be a Slack bot token (xoxb-...)"));
        }
        if (secrets is null || string.IsNullOrEmpty(secrets.SigningSecret) || secrets.SigningSecret.Length < 16)
        {
            errors.Add(new ValidationError("signingSecret", "Value at 'signingSecret' must be the Slack app's signing secret (at least 16 characters)"));
        }
        if (secrets?.AppToken is { } appToken && (!appToken.StartsWith("xapp-", StringComparison.Ordinal) || appToken.Length < 12))
        {
            errors.Add(new ValidationError("appToken", "Value at 'appToken' must be a Slack app-level token (xapp-...)"));
        }
        if (workspace.SocketMode && string.IsNullOrEmpty(secrets?.AppToken))
        {
            errors.Add(new ValidationError("socketMode", "Socket Mode needs the app-level token (appToken, xapp-...)"));
        }
        return errors;
    }

    /// <summary>Every problem with a custom action.</summary>
    public static IReadOnlyList<ValidationError> Validate(CustomActionDocument action)
    {
        var errors = new List<ValidationError>();
        Model.CheckString("CustomActionArn", action.CustomActionArn, "customActionArn", errors);
        Model.CheckString("CustomActionName", action.ActionName, "actionName", errors);
        Model.CheckString("CustomActionDefinitionCommandTextString", action.Definition?.CommandText, "definition.commandText", errors);
        if (action.AliasName is not null)
        {
            Model.CheckString("CustomActionAliasName", action.AliasName, "aliasName", errors);
        }
        return errors;
    }

    private static void ValidateTarget(ChannelConfigurationDocument c, ChannelSecrets? secrets, List<ValidationError> errors)
    {
        switch (c.TargetType)
        {
            case TargetTypes.SlackChannel:
                Model.CheckString("SlackTeamId", c.SlackTeamId, "slackTeamId", errors);
                Model.CheckString("SlackChannelId", c.SlackChannelId, "slackChannelId", errors);
                Optional("SlackChannelDisplayName", c.SlackChannelName, "slackChannelName", errors);
                Optional("SlackTeamName", c.SlackTeamName, "slackTeamName", errors);
                break;
            case TargetTypes.TeamsChannel:
                Model.CheckString("UUID", c.TenantId, "tenantId", errors);
                Model.CheckString("UUID", c.TeamId, "teamId", errors);
                Model.CheckString("TeamsChannelId", c.ChannelId, "channelId", errors);
                Optional("TeamsChannelName", c.ChannelName, "channelName", errors);
                Optional("TeamName", c.TeamName, "teamName", errors);
                if (secrets?.WebhookUrl is { } teamsUrl && !Uri.TryCreate(teamsUrl, UriKind.Absolute, out _))
                {
                    errors.Add(new ValidationError("webhookUrl", "Value at 'webhookUrl' must be an absolute http(s) URL"));
                }
                break;
            case TargetTypes.ChimeWebhook:
                Model.CheckString("ChimeWebhookDescription", c.WebhookDescription, "webhookDescription", errors);
                Model.CheckString("ChimeWebhookUrl", secrets?.WebhookUrl, "webhookUrl", errors);
                break;
            case TargetTypes.SlackWebhook:
            case TargetTypes.Webhook:
                if (!Uri.TryCreate(secrets?.WebhookUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
                {
                    errors.Add(new ValidationError("webhookUrl", "Value at 'webhookUrl' must be an absolute http(s) URL"));
                }
                if (secrets?.SigningSecret is { Length: < 16 })
                {
                    errors.Add(new ValidationError("signingSecret", "Value at 'signingSecret' must have at least 16 characters"));
                }
                Optional("ChimeWebhookDescription", c.WebhookDescription, "webhookDescription", errors);
                break;
            case TargetTypes.Console:
                Model.CheckString("ConfigurationName", c.InboxName, "inboxName", errors);
                break;
            default:
                errors.Add(new ValidationError("targetType", $"Value '{c.TargetType}' at 'targetType' must be one of: {string.Join(", ", TargetTypes.All)}"));
                break;
        }
    }

    private static void ValidateFilter(EventFilterDocument filter, List<ValidationError> errors)
    {
        for (var i = 0; i < filter.EventTypes.Count; i++)
        {
            if (!EventTypeName().IsMatch(filter.EventTypes[i]))
            {
                errors.Add(new ValidationError($"eventFilter.eventTypes.{i + 1}.member", $"Value '{filter.EventTypes[i]}' at 'eventFilter.eventTypes.{i + 1}.member' is not an event type name (such as cloudwatch.alarm or guardduty.*)"));
            }
        }
        if (filter.MinimumSeverity is { } severity && (!Enum.TryParse<Severity>(severity, ignoreCase: true, out _) || int.TryParse(severity, out _)))
        {
            errors.Add(new ValidationError("eventFilter.minimumSeverity", $"Value '{severity}' at 'eventFilter.minimumSeverity' must be one of: {string.Join(", ", Enum.GetNames<Severity>())}"));
        }
        for (var i = 0; i < filter.Accounts.Count; i++)
        {
            if (!AccountId().IsMatch(filter.Accounts[i]))
            {
                errors.Add(new ValidationError($"eventFilter.accounts.{i + 1}.member", $"Value '{filter.Accounts[i]}' at 'eventFilter.accounts.{i + 1}.member' must be a 12-digit account id"));
            }
        }
        for (var i = 0; i < filter.Regions.Count; i++)
        {
            if (!RegionName().IsMatch(filter.Regions[i]))
            {
                errors.Add(new ValidationError($"eventFilter.regions.{i + 1}.member", $"Value '{filter.Regions[i]}' at 'eventFilter.regions.{i + 1}.member' must be a region name such as us-east-1"));
            }
        }
        if (filter.EventPattern is { } pattern && EventPattern.TryCompile(pattern, out var problem) is null)
        {
            errors.Add(new ValidationError("eventFilter.eventPattern", $"Value at 'eventFilter.eventPattern' is not a usable event pattern: {problem}"));
        }
    }

    private static void Optional(string shape, string? value, string path, List<ValidationError> errors)
    {
        if (value is not null)
        {
            Model.CheckString(shape, value, path, errors);
        }
    }

    [GeneratedRegex(@"^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$")]
    private static partial Regex SnsTopicArn();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9/_.-]{0,127}$")]
    private static partial Regex SourceName();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,127}\*?$|^\*$")]
    private static partial Regex EventTypeName();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d{1,2}$")]
    private static partial Regex RegionName();
}
