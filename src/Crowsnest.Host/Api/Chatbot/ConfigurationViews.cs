using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Chatbot;

/// <summary>
/// Configurations in the AWS output shapes (SlackChannelConfiguration, TeamsChannelConfiguration,
/// ChimeWebhookConfiguration), plus Crowsnest's own fields when set. Secrets are never part of a view.
/// </summary>
internal static class ConfigurationViews
{
    public static JsonObject Slack(ChannelConfigurationDocument d, IReadOnlyList<ResourceTag> tags)
    {
        var view = new JsonObject
        {
            ["SlackTeamName"] = d.SlackTeamName ?? d.SlackTeamId,
            ["SlackTeamId"] = d.SlackTeamId,
            ["SlackChannelId"] = d.SlackChannelId,
            ["SlackChannelName"] = d.SlackChannelName ?? d.SlackChannelId,
        };
        return Common(view, d, tags, guardrails: true);
    }

    public static JsonObject Teams(ChannelConfigurationDocument d, IReadOnlyList<ResourceTag> tags)
    {
        var view = new JsonObject
        {
            ["ChannelId"] = d.ChannelId,
            ["TeamId"] = d.TeamId,
            ["TenantId"] = d.TenantId,
        };
        Set(view, "ChannelName", d.ChannelName);
        Set(view, "TeamName", d.TeamName);
        return Common(view, d, tags, guardrails: true);
    }

    public static JsonObject Chime(ChannelConfigurationDocument d, IReadOnlyList<ResourceTag> tags) =>
        Common(new JsonObject { ["WebhookDescription"] = d.WebhookDescription }, d, tags, guardrails: false);

    /// <summary>Any configuration in Crowsnest's own shape (the AWS fields plus TargetType and the rest).</summary>
    public static JsonObject Any(ChannelConfigurationDocument d, IReadOnlyList<ResourceTag> tags)
    {
        var view = d.TargetType switch
        {
            TargetTypes.SlackChannel => Slack(d, tags),
            TargetTypes.TeamsChannel => Teams(d, tags),
            _ => Common(new JsonObject(), d, tags, guardrails: true),
        };
        view["TargetType"] = d.TargetType;
        Set(view, "WebhookDescription", d.WebhookDescription);
        Set(view, "InboxName", d.InboxName);
        return view;
    }

    public static JsonArray TagList(IReadOnlyList<ResourceTag> tags) =>
        [.. tags.Select(t => (JsonNode)new JsonObject { ["TagKey"] = t.Key, ["TagValue"] = t.Value })];

    private static JsonObject Common(JsonObject view, ChannelConfigurationDocument d, IReadOnlyList<ResourceTag> tags, bool guardrails)
    {
        view["ChatConfigurationArn"] = d.ChatConfigurationArn;
        view["IamRoleArn"] = d.IamRoleArn;
        view["SnsTopicArns"] = Strings(d.SnsTopicArns);
        view["ConfigurationName"] = d.ConfigurationName;
        view["LoggingLevel"] = d.LoggingLevel;
        if (guardrails)
        {
            view["GuardrailPolicyArns"] = Strings(d.GuardrailPolicyArns);
            view["UserAuthorizationRequired"] = d.UserAuthorizationRequired;
        }
        view["Tags"] = TagList(tags);
        view["State"] = d.State;
        Set(view, "StateReason", d.StateReason);
        if (d.Sources.Count > 0)
        {
            view["Sources"] = Strings(d.Sources);
        }
        if (d.EventFilter is { } filter)
        {
            view["EventFilter"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(filter, ConfigurationJson.Default.EventFilterDocument));
        }
        view["UnrecognizedEvents"] = d.UnrecognizedEvents;
        return view;
    }

    private static JsonArray Strings(IReadOnlyList<string> values) => [.. values.Select(v => (JsonNode)JsonValue.Create(v))];

    private static void Set(JsonObject view, string name, string? value)
    {
        if (value is not null)
        {
            view[name] = value;
        }
    }
}
