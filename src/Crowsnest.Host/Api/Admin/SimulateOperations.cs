using System.Text.Json.Nodes;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Chat;
using Crowsnest.Commands.Parse;
using Crowsnest.Configuration.Snapshot;

namespace Crowsnest.Host.Api.Admin;

/// <summary>
/// Dry run: could user U in channel C run this command, and why? The same principal and decision logic as chat, with
/// nothing run and nothing audited as a command.
/// </summary>
internal sealed class SimulateOperations(ChatCommandHandler handler, ConfigSnapshotSource snapshots, ServiceCatalog models)
{
    private readonly CommandParser _parser = new(models);

    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("SimulateCommand", "/crowsnest/simulate-command", SimulateAsync);
    }

    private async Task<ApiOutcome> SimulateAsync(ApiCall call)
    {
        var snapshot = snapshots.Current;
        var command = call.Str("Command");
        if (string.IsNullOrWhiteSpace(command))
        {
            return AwsError.InvalidParameter("Command: required, the command as typed in chat (e.g. `cloudwatch describe-alarms`).");
        }
        var configuration = Find(snapshot, call);
        if (configuration is null)
        {
            return AwsError.NotFound("No enabled channel configuration matches ChatConfigurationArn, or Platform/TenantId/ChannelId.");
        }
        var platform = configuration.Document.TargetType == Configuration.TargetTypes.TeamsChannel ? "teams" : "slack";
        var text = command.Trim();
        text = text.StartsWith("@aws ", StringComparison.Ordinal) ? text[5..] : text;
        var call0 = _parser.Parse(text) switch
        {
            ParseResult.Parsed p => p.Call,
            _ => null,
        };
        if (call0 is null)
        {
            return AwsError.InvalidParameter($"Command: {(_parser.Parse(text) is ParseResult.Invalid invalid ? invalid.ToString() : "not a single AWS call")}");
        }
        var user = new ChatUser(call.Str("UserId") ?? "simulation");
        var result = await handler.Authorization.AuthorizeAsync(snapshot, configuration, platform, user, call0, call.CancellationToken);
        var output = new JsonObject
        {
            ["Decision"] = result.Allowed ? "allowed" : "denied",
            ["Reason"] = result.Reason,
            ["ChatConfigurationArn"] = configuration.Arn,
            ["Action"] = call0.IamAction,
            ["ReadOnly"] = call0.IsReadOnly,
            ["RequiresConfirmation"] = !call0.IsReadOnly,
            ["Region"] = result.Region,
            ["Account"] = result.Account,
            ["Principal"] = new JsonObject
            {
                ["UserId"] = user.Id,
                ["RoleArn"] = result.RoleArn,
                ["Kind"] = result.RoleArn is null ? "none" : result.UsesUserRole ? "user-role" : "channel-role",
                ["UserRoleRequired"] = result.UserRoleRequired,
            },
        };
        if (result.Decision is { } decision)
        {
            output["Stage"] = decision.Stage.ToString();
            output["Policy"] = decision.PolicyName ?? decision.Blocked?.Action;
            output["Statement"] = decision.Statement;
            output["Resources"] = new JsonArray([.. decision.Request.Resources.Select(r => (JsonNode)r)]);
            if (decision.Warning is not null)
            {
                output["Warning"] = decision.Warning;
            }
        }
        if (call0.MissingRequired.Count > 0)
        {
            output["MissingParameters"] = new JsonArray([.. call0.MissingRequired.Select(m => (JsonNode)m)]);
        }
        return output;
    }

    private static ChannelConfiguration? Find(ConfigSnapshot snapshot, ApiCall call)
    {
        if (call.Str("ChatConfigurationArn") is { } arn)
        {
            return snapshot.ByArn(arn) is { Enabled: true } found ? found : null;
        }
        var platform = call.Str("Platform") ?? "slack";
        if (call.Str("TenantId") is not { } tenant || call.Str("ChannelId") is not { } channel)
        {
            return null;
        }
        var matches = ChatChannels.For(snapshot, new ChatConversationRef(platform, tenant, channel, null));
        return matches.Count == 0 ? null : call.Str("Account") is { } account ? ChatChannels.Pick(matches, account) : matches[0];
    }
}
