using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Host.Api.Chatbot;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Admin;

/// <summary>
/// Creates user identities: a Slack or Teams user mapped to their own IAM role in one channel configuration (AWS
/// Chatbot links them through its OAuth flow and offers only describe/list and delete). The platform, workspace,
/// team and tenant come from the configuration; the user id and role are checked, all errors at once.
/// </summary>
internal sealed class UserIdentityOperations(ConfigurationRepository configurations, IStore store, TimeProvider time, AuditWriter audit)
{
    public IEnumerable<(string Name, string Uri, ApiHandler Handler)> All()
    {
        yield return ("CreateUserIdentity", "/crowsnest/create-user-identity", CreateAsync);
    }

    private async Task<ApiOutcome> CreateAsync(ApiCall call)
    {
        var arn = call.Str("ChatConfigurationArn");
        var configuration = arn is null ? null : (await configurations.GetAsync(arn, null, call.CancellationToken))?.Document;
        // Without a configuration, the member the caller used tells which platform the errors should speak of.
        var platform = configuration?.TargetType switch
        {
            TargetTypes.SlackChannel => "slack",
            TargetTypes.TeamsChannel => "teams",
            null => call.Has("UserId") && !call.Has("SlackUserId") ? "teams" : "slack",
            _ => null,
        };
        var identity = new UserIdentityDocument
        {
            ChatConfigurationArn = arn ?? "",
            Platform = platform ?? "slack",
            UserId = (platform == "teams" ? call.Str("UserId") : call.Str("SlackUserId")) ?? "",
            IamRoleArn = call.Str("IamRoleArn") ?? "",
            SlackTeamId = platform == "slack" ? configuration?.SlackTeamId : null,
            TeamId = platform == "teams" ? configuration?.TeamId : null,
            TenantId = platform == "teams" ? configuration?.TenantId : null,
            TeamsChannelId = platform == "teams" ? call.Str("TeamsChannelId") ?? configuration?.ChannelId : null,
            AwsUserIdentity = call.Str("AwsUserIdentity"),
        };
        var errors = ConfigurationValidator.Validate(identity).ToList();
        if (configuration is not null && platform is null)
        {
            errors.Insert(0, new ValidationError("chatConfigurationArn",
                $"Value '{arn}' at 'chatConfigurationArn' names a {configuration.TargetType} configuration; user identities are for Slack and Microsoft Teams channels"));
        }
        if (errors.Count > 0)
        {
            return AwsError.InvalidParameter(ValidationError.Describe(errors));
        }
        if (configuration is null)
        {
            return AwsError.NotFound($"The configuration {arn} does not exist.");
        }
        var id = IdentityOperations.IdentityId(identity.ChatConfigurationArn, identity.Platform, identity.UserId);
        var now = time.GetUtcNow();
        var written = await store.Resources.CreateAsync(new ResourceRecord(ResourceKinds.UserIdentity, id, id, ConfigurationJson.Write(identity), null, 0, now, now),
            call.CancellationToken);
        if (written != ResourceWriteResult.Ok)
        {
            return AwsError.Conflict($"{identity.Platform} user {identity.UserId} already has a user identity in {arn}; delete it first to map another role.");
        }
        await audit.WriteAsync(call, "user-identity.create", arn, $"{identity.Platform} user {identity.UserId} runs commands as {identity.IamRoleArn}");
        return new JsonObject { [platform == "slack" ? "SlackUserIdentity" : "TeamsUserIdentity"] = IdentityOperations.View(identity) };
    }
}
