using System.CommandLine;
using System.Text.Json.Nodes;
using static Crowsnest.Host.Cli.Admin.AdminCommand;

namespace Crowsnest.Host.Cli.Admin;

/// <summary><c>crowsnest configurations list|get|create|update|delete</c>.</summary>
internal static class ConfigurationCommands
{
    private static readonly (string, Func<JsonNode?, string>)[] Columns =
    [
        ("NAME", AdminOutput.Field("ConfigurationName")),
        ("TARGET", AdminOutput.Field("TargetType")),
        ("TOPICS", AdminOutput.Field("SnsTopicArns")),
        ("STATE", AdminOutput.Field("State")),
        ("ARN", AdminOutput.Field("ChatConfigurationArn")),
    ];

    public static Command Create()
    {
        var command = new Command("configurations", "Manage channel configurations (any chat target, filters included).");
        var arn = new Option<string>("--arn") { Description = "The configuration's ChatConfigurationArn.", Required = true };
        var target = new Option<string>("--target") { Description = "slack-channel, teams-channel, chime-webhook, webhook or console." };
        var maxResults = new Option<int?>("--max-results") { Description = "Page size (1-100)." };
        var nextToken = new Option<string>("--next-token") { Description = "Continue a listing." };
        command.Subcommands.Add(AdminCommand.Create("list", "List configurations.", "/crowsnest/list-channel-configurations", [target, maxResults, nextToken], parse =>
        {
            var body = new JsonObject();
            Set(body, "TargetType", parse, target);
            Set(body, "NextToken", parse, nextToken);
            if (parse.GetValue(maxResults) is { } max)
            {
                body["MaxResults"] = max;
            }
            return body;
        }, "ChannelConfigurations", Columns));
        command.Subcommands.Add(AdminCommand.Create("get", "Show one configuration.", "/crowsnest/get-channel-configuration", [arn],
            parse => new JsonObject { ["ChatConfigurationArn"] = parse.GetValue(arn) }));
        command.Subcommands.Add(AdminCommand.Create("delete", "Delete a configuration.", "/crowsnest/delete-channel-configuration", [arn],
            parse => new JsonObject { ["ChatConfigurationArn"] = parse.GetValue(arn) }));

        var fields = new ConfigurationFields();
        var name = new Option<string>("--name") { Description = "ConfigurationName (letters, digits, - and _).", Required = true };
        var createTarget = new Option<string>("--target") { Description = "slack-channel, teams-channel, chime-webhook, webhook or console.", Required = true };
        command.Subcommands.Add(AdminCommand.Create("create", "Create a configuration.", "/crowsnest/create-channel-configuration", [name, createTarget, .. fields.Options], parse =>
        {
            var body = fields.Body(parse);
            body["ConfigurationName"] = parse.GetValue(name);
            body["TargetType"] = parse.GetValue(createTarget);
            return body;
        }));
        var updateFields = new ConfigurationFields();
        command.Subcommands.Add(AdminCommand.Create("update", "Change a configuration (only the options given).", "/crowsnest/update-channel-configuration", [arn, .. updateFields.Options], parse =>
        {
            var body = updateFields.Body(parse);
            body["ChatConfigurationArn"] = parse.GetValue(arn);
            return body;
        }));
        return command;
    }
}
