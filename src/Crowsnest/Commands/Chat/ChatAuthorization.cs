using System.Text.Json;
using Crowsnest.Aws.Credentials;
using Crowsnest.Commands.Authorize;
using Crowsnest.Commands.Parse;
using Crowsnest.Configuration.Snapshot;

namespace Crowsnest.Commands.Chat;

/// <summary>The principal and decision for one call of one chat user under one configuration.</summary>
/// <param name="Decision">The authorizer's decision, or null when it could not be asked (see <see cref="Refusal"/>).</param>
/// <param name="Refusal">Why nothing could be decided (no role, unreadable policies), or null.</param>
/// <param name="RoleArn">The role the call would run as (the user's role, or the channel role).</param>
/// <param name="UsesUserRole">True when <see cref="RoleArn"/> is the user's own role.</param>
/// <param name="UserRoleRequired">Whether the configuration (or the account preferences) require user roles.</param>
/// <param name="Region">The region the call runs in.</param>
/// <param name="Account">The account the call runs in.</param>
/// <param name="Session">The STS session to assume, when there is a role.</param>
public sealed record ChatAuthorizationResult(
    Decision? Decision,
    string? Refusal,
    string? RoleArn,
    bool UsesUserRole,
    bool UserRoleRequired,
    string Region,
    string Account,
    RoleSession? Session)
{
    /// <summary>True when the call may run.</summary>
    public bool Allowed => Decision?.Allowed == true;

    /// <summary>The sentence for chat.</summary>
    public string Reason => Refusal ?? Decision?.Reason ?? "Denied.";
}

/// <summary>
/// Picks the principal (the user's role where one is mapped or required, else the channel role), resolves its
/// policies and the guardrails, and asks the authorizer. Shared by the chat handler and the dry-run API.
/// </summary>
public sealed class ChatAuthorization(IAuthorizer authorizer, IChatPolicyResolver policies, IUserRoleDirectory userRoles, TimeProvider time, string defaultRegion)
{
    /// <summary>Decides whether <paramref name="user"/> may run <paramref name="call"/> under <paramref name="configuration"/>.</summary>
    public async Task<ChatAuthorizationResult> AuthorizeAsync(ConfigSnapshot snapshot, ChannelConfiguration configuration, string platform, ChatUser user,
        AwsCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(call);
        var region = call.Region ?? defaultRegion;
        var required = configuration.Document.UserAuthorizationRequired || snapshot.Preferences.UserAuthorizationRequired;
        var userRole = await userRoles.FindRoleArnAsync(configuration.Arn, platform, user.Id, cancellationToken).ConfigureAwait(false);
        var roleArn = userRole ?? configuration.Document.IamRoleArn;
        var account = ChatChannels.AccountOfArn(roleArn) ?? ChatChannels.AccountOf(configuration);
        if (required && userRole is null)
        {
            return Refused(NeedUserRole(configuration, platform, user), null);
        }
        if (roleArn is null)
        {
            return Refused($"Denied: channel configuration {configuration.Name} has no IAM role to run commands with.", null);
        }
        var role = await policies.RoleAsync(roleArn, cancellationToken).ConfigureAwait(false);
        var guardrails = await policies.GuardrailsAsync(configuration, cancellationToken).ConfigureAwait(false);
        var problems = role.Problems.Concat(guardrails.Problems).ToList();
        if (problems.Count > 0 || role.Set is null)
        {
            return Refused($"Denied: the policies of this channel could not be read, so nothing runs ({string.Join("; ", problems)}).", roleArn);
        }
        var session = new RoleSession(roleArn, platform, user.Id);
        var context = ChatRequestContext.Create(region, time.GetUtcNow(), roleArn, session.SessionName, configuration.Arn);
        var action = call.IamAction;
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        using var input = JsonDocument.Parse(call.Input.ToJsonString());
        var request = AuthorizationRequest.ForCall(action[..colon], action[(colon + 1)..], input.RootElement, region, account, context, call.IsReadOnly);
        var channel = new ChannelPolicies(configuration.Name, userRole is null ? role.Set : null, guardrails.Set, required);
        var principal = new Principal(user.Id, user.Name, userRole is null ? null : role.Set);
        var decision = authorizer.Decide(request, principal, channel);
        return new ChatAuthorizationResult(decision, null, roleArn, userRole is not null, required, region, account, session);

        ChatAuthorizationResult Refused(string reason, string? role) => new(null, reason, role, false, required, region, account, null);
    }

    /// <summary>What a user without a user role is told.</summary>
    public static string NeedUserRole(ChannelConfiguration configuration, string platform, ChatUser user)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(user);
        return $"Denied: channel configuration {configuration.Name} runs commands with each user's own IAM role, and you ({platform} user {user.Id}) have none yet. "
            + "Ask a Crowsnest administrator to map your user id to an IAM role for this configuration (a user identity of "
            + $"{configuration.Arn}); then run the command again.";
    }
}
