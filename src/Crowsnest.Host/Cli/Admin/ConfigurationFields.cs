using System.CommandLine;
using System.Text.Json.Nodes;
using static Crowsnest.Host.Cli.Admin.AdminCommand;

namespace Crowsnest.Host.Cli.Admin;

/// <summary>The options shared by <c>configurations create</c> and <c>update</c>, mapped to the document's field names.</summary>
internal sealed class ConfigurationFields
{
    private readonly (Option<string> Option, string Member)[] _strings =
    [
        (new Option<string>("--slack-team-id") { Description = "Slack workspace (team) id." }, "SlackTeamId"),
        (new Option<string>("--slack-channel-id") { Description = "Slack channel id." }, "SlackChannelId"),
        (new Option<string>("--slack-channel-name") { Description = "Slack channel name." }, "SlackChannelName"),
        (new Option<string>("--tenant-id") { Description = "Teams tenant id." }, "TenantId"),
        (new Option<string>("--team-id") { Description = "Teams team id." }, "TeamId"),
        (new Option<string>("--channel-id") { Description = "Teams channel id." }, "ChannelId"),
        (new Option<string>("--webhook-url") { Description = "Chime or generic webhook URL (secret)." }, "WebhookUrl"),
        (new Option<string>("--signing-secret") { Description = "Generic webhook signing secret." }, "SigningSecret"),
        (new Option<string>("--description") { Description = "Webhook description." }, "WebhookDescription"),
        (new Option<string>("--inbox") { Description = "Console inbox name." }, "InboxName"),
        (new Option<string>("--role") { Description = "IAM role ARN for commands." }, "IamRoleArn"),
        (new Option<string>("--logging-level") { Description = "ERROR, INFO or NONE." }, "LoggingLevel"),
        (new Option<string>("--state") { Description = "ENABLED or DISABLED." }, "State"),
        (new Option<string>("--unrecognized") { Description = "Unrecognised events: deliver (generic rendering) or hold." }, "UnrecognizedEvents"),
    ];

    private readonly (Option<string[]> Option, string Member)[] _lists =
    [
        (new Option<string[]>("--topic") { Description = "SNS topic ARN (repeat for several)." }, "SnsTopicArns"),
        (new Option<string[]>("--guardrail") { Description = "Guardrail policy ARN (repeat)." }, "GuardrailPolicyArns"),
        (new Option<string[]>("--source") { Description = "Intake source, e.g. events or webhooks/build (repeat)." }, "Sources"),
    ];

    private readonly (Option<string[]> Option, string Member)[] _filterLists =
    [
        (new Option<string[]>("--event-type") { Description = "Filter: event type, e.g. cloudwatch.alarm or guardduty.* (repeat)." }, "EventTypes"),
        (new Option<string[]>("--account") { Description = "Filter: account id (repeat)." }, "Accounts"),
        (new Option<string[]>("--region") { Description = "Filter: region (repeat)." }, "Regions"),
    ];

    private readonly Option<string> _minimumSeverity = new("--min-severity") { Description = "Filter: lowest severity delivered (Info, Low, Medium, High, Critical)." };
    private readonly Option<string> _eventPattern = new("--event-pattern") { Description = "Filter: EventBridge event pattern (JSON)." };

    public IEnumerable<Option> Options =>
        _strings.Select(s => (Option)s.Option).Concat(_lists.Select(l => l.Option)).Concat(_filterLists.Select(l => l.Option)).Append(_minimumSeverity).Append(_eventPattern);

    public JsonObject Body(ParseResult parse)
    {
        var body = new JsonObject();
        foreach (var (option, member) in _strings)
        {
            Set(body, member, parse, option);
        }
        foreach (var (option, member) in _lists)
        {
            SetList(body, member, parse, option);
        }
        var filter = new JsonObject();
        foreach (var (option, member) in _filterLists)
        {
            SetList(filter, member, parse, option);
        }
        Set(filter, "MinimumSeverity", parse, _minimumSeverity);
        Set(filter, "EventPattern", parse, _eventPattern);
        if (filter.Count > 0)
        {
            body["EventFilter"] = filter;
        }
        return body;
    }
}
