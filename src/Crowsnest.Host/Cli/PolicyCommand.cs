using System.CommandLine;
using System.Text.Json;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Authorize;
using Crowsnest.Commands.Parse;
using Crowsnest.Iam;
using CommandParse = Crowsnest.Commands.Parse.ParseResult;

namespace Crowsnest.Host.Cli;

/// <summary>
/// <c>crowsnest policy simulate --role-policy FILE… --guardrail FILE|TEMPLATE… [--region R] [--account A] -- &lt;aws command&gt;</c>:
/// decides offline (no AWS call) whether the role's policies and the guardrails allow the command. The first output
/// line is <c>allowed</c>, <c>denied</c> or <c>invalid</c>; exit 0, 1 or 2.
/// </summary>
internal static class PolicyCommand
{
    private const int Allowed = 0;
    private const int Denied = 1;
    private const int Invalid = 2;

    public static Command Create()
    {
        var command = new Command("policy", "Work with IAM policies as Crowsnest evaluates them.");
        command.Subcommands.Add(CreateSimulate());
        return command;
    }

    private static Command CreateSimulate()
    {
        var rolePolicies = new Option<string[]>("--role-policy") { Description = "A policy document (JSON file) of the channel or user role.", AllowMultipleArgumentsPerToken = true };
        var guardrails = new Option<string[]>("--guardrail") { Description = "A guardrail: a policy JSON file or a template name (ReadOnly, Notification, …).", AllowMultipleArgumentsPerToken = true };
        var region = new Option<string>("--region") { Description = "The region the command runs in.", DefaultValueFactory = _ => "us-east-1" };
        var account = new Option<string>("--account") { Description = "The account the command runs in.", DefaultValueFactory = _ => "123456789012" };
        var words = new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore, Description = "<service> <operation> [options], after --." };
        var configuration = new Option<string>("--configuration") { Description = "Ask a running Crowsnest instead: the channel configuration ARN (with --user)." };
        var user = new Option<string>("--user") { Description = "With --configuration: the chat user id (their user role is used where one is mapped)." };
        var endpoint = new Option<string>("--endpoint")
        {
            Description = "With --configuration: the Crowsnest API URL (env CROWSNEST_ENDPOINT).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CROWSNEST_ENDPOINT") ?? "http://127.0.0.1:8080",
        };
        var token = new Option<string>("--token")
        {
            Description = "With --configuration: a bearer API token (env CROWSNEST_TOKEN).",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CROWSNEST_TOKEN") ?? "",
        };
        var simulate = new Command("simulate", "Could this role run this command under these guardrails? Offline; explains the decision.")
        {
            rolePolicies, guardrails, region, account, configuration, user, endpoint, token, words,
        };
        simulate.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(configuration) is { Length: > 0 } arn)
            {
                return await AskServiceAsync(output, parse.GetValue(endpoint)!, parse.GetValue(token)!, arn, parse.GetValue(user), parse.GetValue(words) ?? [], ct);
            }
            var problems = new List<string>();
            var role = Load(parse.GetValue(rolePolicies) ?? [], templatesAllowed: false, problems);
            var guards = Load(parse.GetValue(guardrails) ?? [], templatesAllowed: true, problems);
            var models = ServiceCatalog.OpenDefault();
            var request = Request(models, parse.GetValue(words) ?? [], parse.GetValue(region)!, parse.GetValue(account)!, problems);
            if (problems.Count > 0 || request is null)
            {
                await WriteLinesAsync(output, ["invalid", .. problems]);
                return Invalid;
            }
            var result = new PolicySimulator(new ModelReadOnlyOperationCatalog(models), new Authorizer()).Simulate(role, guards, request);
            await WriteLinesAsync(output, result.Lines);
            return result.Decision is null ? Invalid : result.Allowed ? Allowed : Denied;
        });
        return simulate;
    }

    /// <summary>The dry run against a running service: <c>POST /crowsnest/simulate-command</c>, printed in the same shape.</summary>
    private static async Task<int> AskServiceAsync(TextWriter output, string endpoint, string token, string arn, string? user, string[] words, CancellationToken ct)
    {
        using var client = new Admin.AdminClient(endpoint, token);
        var body = new System.Text.Json.Nodes.JsonObject { ["ChatConfigurationArn"] = arn, ["Command"] = string.Join(' ', words.Select(Quote)) };
        if (user is not null)
        {
            body["UserId"] = user;
        }
        var (result, error) = await client.PostAsync("/crowsnest/simulate-command", body, ct);
        if (result is null)
        {
            await WriteLinesAsync(output, ["invalid", error ?? "no answer"]);
            return Invalid;
        }
        var allowed = result["Decision"]?.GetValue<string>() == "allowed";
        await WriteLinesAsync(output,
        [
            allowed ? "allowed" : "denied",
            result["Reason"]?.GetValue<string>() ?? "",
            $"principal: {result["Principal"]?["Kind"]?.GetValue<string>()} {result["Principal"]?["RoleArn"]?.GetValue<string>()}",
            $"action: {result["Action"]?.GetValue<string>()}; requires confirmation: {result["RequiresConfirmation"]?.GetValue<bool>()}",
        ]);
        return allowed ? Allowed : Denied;
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_./:=@,+-".Contains(c, StringComparison.Ordinal)) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static List<SimulatedPolicy> Load(string[] values, bool templatesAllowed, List<string> problems)
    {
        var policies = new List<SimulatedPolicy>();
        foreach (var value in values)
        {
            if (File.Exists(value))
            {
                policies.Add(new SimulatedPolicy(Path.GetFileNameWithoutExtension(value), File.ReadAllText(value)));
            }
            else if (templatesAllowed)
            {
                policies.Add(new SimulatedPolicy(value)); // the simulator reports an unknown template
            }
            else
            {
                problems.Add($"{value}: no such file");
            }
        }
        return policies;
    }

    private static AuthorizationRequest? Request(ServiceCatalog models, string[] tokens, string region, string account, List<string> problems)
    {
        if (tokens.Length == 0)
        {
            problems.Add("no command given: add -- <service> <operation> [options]");
            return null;
        }
        switch (new CommandParser(models).Parse(tokens))
        {
            case CommandParse.Parsed { Call: var call }:
                var callRegion = call.Region ?? region;
                var context = new RequestContext()
                    .Set(GlobalConditionKeys.RequestedRegion, callRegion)
                    .SetTime(DateTimeOffset.UtcNow)
                    .SetBool(GlobalConditionKeys.SecureTransport, true);
                using (var input = JsonDocument.Parse(call.Input.ToJsonString()))
                {
                    var resources = ResourceArns.Derive(call.IamAction[..call.IamAction.IndexOf(':')], call.OperationName, input.RootElement, callRegion, account);
                    return new AuthorizationRequest(call.IamAction, resources, context, call.IsReadOnly);
                }
            case CommandParse.Invalid invalid:
                problems.Add(invalid.ToString());
                return null;
            default:
                problems.Add("the command asks for help, not for an operation: give <service> <operation> [options]");
                return null;
        }
    }

    private static async Task WriteLinesAsync(TextWriter output, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            await output.WriteLineAsync(line);
        }
    }
}
