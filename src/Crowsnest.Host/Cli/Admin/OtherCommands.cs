using System.CommandLine;
using System.Text.Json.Nodes;
using static Crowsnest.Host.Cli.Admin.AdminCommand;

namespace Crowsnest.Host.Cli.Admin;

/// <summary>Workspaces, keys, subscriptions, dead letters and the audit log.</summary>
internal static class OtherCommands
{
    public static Command Workspaces()
    {
        var command = new Command("workspaces", "Manage Slack workspaces.");
        var team = new Option<string>("--team-id") { Description = "Slack team id.", Required = true };
        var name = new Option<string>("--name") { Description = "Workspace name.", Required = true };
        var bot = new Option<string>("--bot-token") { Description = "Bot token (xoxb-...; env SLACK_BOT_TOKEN).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SLACK_BOT_TOKEN") ?? "" };
        var signing = new Option<string>("--signing-secret") { Description = "App signing secret (env SLACK_SIGNING_SECRET).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SLACK_SIGNING_SECRET") ?? "" };
        var appToken = new Option<string>("--app-token") { Description = "App-level token for Socket Mode (xapp-...; env SLACK_APP_TOKEN).", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SLACK_APP_TOKEN") ?? "" };
        var socketMode = new Option<bool>("--socket-mode") { Description = "Receive events over Socket Mode (needs --app-token) instead of HTTP." };
        command.Subcommands.Add(AdminCommand.Create("list", "List workspaces.", "/describe-slack-workspaces", [], _ => [], "SlackWorkspaces",
            [("TEAM ID", AdminOutput.Field("SlackTeamId")), ("NAME", AdminOutput.Field("SlackTeamName")), ("STATE", AdminOutput.Field("State"))]));
        command.Subcommands.Add(AdminCommand.Create("register", "Register (or re-key) a workspace by bot token and signing secret.", "/crowsnest/register-slack-workspace", [team, name, bot, signing, appToken, socketMode],
            parse => new JsonObject
            {
                ["SlackTeamId"] = parse.GetValue(team),
                ["SlackTeamName"] = parse.GetValue(name),
                ["BotToken"] = parse.GetValue(bot),
                ["SigningSecret"] = parse.GetValue(signing),
                ["AppToken"] = parse.GetValue(appToken) is { Length: > 0 } app ? app : null,
                ["SocketMode"] = parse.GetValue(socketMode),
            }));
        command.Subcommands.Add(AdminCommand.Create("delete", "Remove a workspace (its channel configurations must be gone).", "/delete-slack-workspace-authorization", [team],
            parse => new JsonObject { ["SlackTeamId"] = parse.GetValue(team) }));
        return command;
    }

    public static Command Keys()
    {
        var command = new Command("keys", "Manage API credentials: SigV4 access keys and bearer tokens.");
        var name = new Option<string>("--name") { Description = "What the credential is for.", DefaultValueFactory = _ => "cli" };
        var kind = new Option<string>("--kind") { Description = "access-key (default; for AWS SDKs and CLI) or api-token (bearer).", DefaultValueFactory = _ => "access-key" };
        var id = new Option<string>("--id") { Description = "Credential id.", Required = true };
        var create = AdminCommand.Create("create", "Issue a credential; its secret is shown once.", "/crowsnest/create-access-key", [name, kind],
            parse => new JsonObject { ["Name"] = parse.GetValue(name), ["Kind"] = parse.GetValue(kind) });
        command.Subcommands.Add(create);
        command.Subcommands.Add(AdminCommand.Create("list", "List credentials (never their secrets).", "/crowsnest/list-credentials", [], _ => [], "Credentials",
            [("ID", AdminOutput.Field("Id")), ("KIND", AdminOutput.Field("Kind")), ("NAME", AdminOutput.Field("Name")), ("CREATED", AdminOutput.Field("CreatedAt")),
             ("LAST USED", AdminOutput.Field("LastUsedAt")), ("REVOKED", AdminOutput.Field("RevokedAt"))]));
        command.Subcommands.Add(AdminCommand.Create("revoke", "Revoke a credential.", "/crowsnest/revoke-credential", [id], parse => new JsonObject { ["Id"] = parse.GetValue(id) }));
        return command;
    }

    public static Command Subscriptions()
    {
        var command = new Command("subscriptions", "SNS subscriptions waiting for a decision.");
        var topic = new Option<string>("--topic") { Description = "Topic ARN.", Required = true };
        var state = new Option<string>("--state") { Description = "pending, confirmed, dropped or unsubscribed." };
        command.Subcommands.Add(AdminCommand.Create("list", "List subscriptions.", "/crowsnest/list-subscriptions", [state], parse =>
        {
            var body = new JsonObject();
            Set(body, "State", parse, state);
            return body;
        }, "Subscriptions", [("TOPIC", AdminOutput.Field("TopicArn")), ("STATE", AdminOutput.Field("State")), ("RECEIVED", AdminOutput.Field("ReceivedAt")), ("NOTE", AdminOutput.Field("Note"))]));
        command.Subcommands.Add(AdminCommand.Create("confirm", "Confirm a pending subscription.", "/crowsnest/confirm-subscription", [topic], parse => new JsonObject { ["TopicArn"] = parse.GetValue(topic) }));
        command.Subcommands.Add(AdminCommand.Create("drop", "Drop a pending subscription.", "/crowsnest/drop-subscription", [topic], parse => new JsonObject { ["TopicArn"] = parse.GetValue(topic) }));
        return command;
    }

    public static Command DeadLetters()
    {
        var command = new Command("dead-letters", "Deliveries that were given up.");
        var id = new Option<int>("--id") { Description = "Delivery id.", Required = true };
        command.Subcommands.Add(AdminCommand.Create("list", "List dead letters.", "/crowsnest/list-dead-letters", [], _ => [], "DeadLetters",
            [("ID", AdminOutput.Field("Id")), ("TARGET", AdminOutput.Field("TargetKey")), ("ATTEMPTS", AdminOutput.Field("Attempts")), ("ERROR", AdminOutput.Field("LastError"))]));
        command.Subcommands.Add(AdminCommand.Create("replay", "Send a dead letter again.", "/crowsnest/replay-dead-letter", [id], parse => new JsonObject { ["Id"] = parse.GetValue(id) }));
        return command;
    }

    public static Command Secrets()
    {
        var command = new Command("secrets", "The key that encrypts stored secrets.");
        command.Subcommands.Add(AdminCommand.Create("rotate-key",
            "Create a new key (wrapped with the current key-ring certificate) and encrypt every stored secret again with it.",
            "/crowsnest/rotate-secrets-key", [], _ => []));
        return command;
    }

    public static Command Audit()
    {
        var kind = new Option<string>("--kind") { Description = "Entry kind, e.g. configuration.update." };
        var actor = new Option<string>("--actor") { Description = "Credential id or chat user." };
        var since = new Option<string>("--since") { Description = "ISO 8601 time." };
        return AdminCommand.Create("audit", "Query the audit log (newest first).", "/crowsnest/query-audit-log", [kind, actor, since], parse =>
        {
            var body = new JsonObject();
            Set(body, "Kind", parse, kind);
            Set(body, "Actor", parse, actor);
            Set(body, "Since", parse, since);
            return body;
        }, "Entries", [("AT", AdminOutput.Field("At")), ("KIND", AdminOutput.Field("Kind")), ("ACTOR", AdminOutput.Field("Actor")), ("SUBJECT", AdminOutput.Field("Channel")), ("OUTCOME", AdminOutput.Field("Outcome"))]);
    }
}
