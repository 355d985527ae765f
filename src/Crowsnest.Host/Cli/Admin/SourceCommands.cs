using System.CommandLine;
using System.Text.Json.Nodes;
using static Crowsnest.Host.Cli.Admin.AdminCommand;

namespace Crowsnest.Host.Cli.Admin;

/// <summary><c>crowsnest sources events|webhooks create|list|describe|delete</c>: intake sources besides SNS.</summary>
internal static class SourceCommands
{
    public static Command Create()
    {
        var command = new Command("sources", "Manage intake sources: EventBridge API destinations (/events) and webhooks (/webhooks/{id}).");
        command.Subcommands.Add(Events());
        command.Subcommands.Add(Webhooks());
        return command;
    }

    private static Command Events()
    {
        var command = new Command("events", "EventBridge API-destination sources (API key or basic auth).");
        var id = new Option<string>("--id") { Description = "Source id (lower-case letters, digits, '.', '_', '-').", Required = true };
        var type = new Option<string>("--authorization-type") { Description = "API_KEY (default) or BASIC." };
        var keyName = new Option<string>("--api-key-name") { Description = "API key header (default x-api-key)." };
        var keyValue = new Option<string>("--api-key-value") { Description = "API key value (generated when left out; shown once)." };
        var user = new Option<string>("--username") { Description = "Basic-auth user (default eventbridge)." };
        var password = new Option<string>("--password") { Description = "Basic-auth password (generated when left out; shown once)." };
        command.Subcommands.Add(AdminCommand.Create("create", "Create a source; its secret is shown once.", "/crowsnest/create-event-source", [id, type, keyName, keyValue, user, password],
            parse =>
            {
                var body = new JsonObject { ["SourceId"] = parse.GetValue(id) };
                Set(body, "AuthorizationType", parse, type);
                Set(body, "ApiKeyName", parse, keyName);
                Set(body, "ApiKeyValue", parse, keyValue);
                Set(body, "Username", parse, user);
                Set(body, "Password", parse, password);
                return body;
            }));
        AddCommon(command, id, "event-source", "EventSources", [("ID", AdminOutput.Field("SourceId")), ("AUTH", AdminOutput.Field("AuthorizationType")),
            ("ENDPOINT", AdminOutput.Field("Endpoint")), ("CREATED", AdminOutput.Field("CreatedAt"))]);
        return command;
    }

    private static Command Webhooks()
    {
        var command = new Command("webhooks", "Webhook sources (token header or HMAC signature).");
        var id = new Option<string>("--id") { Description = "Source id, the {id} in /webhooks/{id}.", Required = true };
        var mode = new Option<string>("--authentication") { Description = "TOKEN (default) or HMAC." };
        var header = new Option<string>("--header-name") { Description = "Token header (default X-Crowsnest-Token)." };
        var token = new Option<string>("--secret-token") { Description = "Token (generated when left out; shown once)." };
        var signing = new Option<string>("--signing-secret") { Description = "HMAC secret (generated when left out; shown once)." };
        command.Subcommands.Add(AdminCommand.Create("create", "Create a source; its secret is shown once.", "/crowsnest/create-webhook-source", [id, mode, header, token, signing],
            parse =>
            {
                var body = new JsonObject { ["SourceId"] = parse.GetValue(id) };
                Set(body, "Authentication", parse, mode);
                Set(body, "HeaderName", parse, header);
                Set(body, "Token", parse, token);
                Set(body, "SigningSecret", parse, signing);
                return body;
            }));
        AddCommon(command, id, "webhook-source", "WebhookSources", [("ID", AdminOutput.Field("SourceId")), ("AUTH", AdminOutput.Field("Authentication")),
            ("ENDPOINT", AdminOutput.Field("Endpoint")), ("CREATED", AdminOutput.Field("CreatedAt"))]);
        return command;
    }

    private static void AddCommon(Command command, Option<string> id, string noun, string listMember, IReadOnlyList<(string, Func<JsonNode?, string>)> columns)
    {
        command.Subcommands.Add(AdminCommand.Create("list", "List sources (never their secrets).", $"/crowsnest/list-{noun}s", [], _ => [], listMember, columns));
        command.Subcommands.Add(AdminCommand.Create("describe", "Show one source.", $"/crowsnest/describe-{noun}", [id], parse => new JsonObject { ["SourceId"] = parse.GetValue(id) }));
        command.Subcommands.Add(AdminCommand.Create("delete", "Delete a source.", $"/crowsnest/delete-{noun}", [id], parse => new JsonObject { ["SourceId"] = parse.GetValue(id) }));
    }
}
