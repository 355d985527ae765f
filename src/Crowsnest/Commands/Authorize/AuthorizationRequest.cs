using Crowsnest.Iam;

namespace Crowsnest.Commands.Authorize;

/// <summary>One call to authorize: its IAM action, the resources it acts on, and the request's condition keys.</summary>
/// <param name="Action">The IAM action, <c>service:Operation</c> (for example <c>cloudwatch:PutMetricAlarm</c>).</param>
/// <param name="Resources">The resource ARNs (see <see cref="ResourceArns.Derive"/>), or <c>["*"]</c>.</param>
/// <param name="Context">Condition keys: <c>aws:RequestedRegion</c>, <c>aws:CurrentTime</c>, principal tags, ….</param>
/// <param name="IsReadOnly">What the AWS engine says about the operation (used for messages, not for the decision).</param>
public sealed record AuthorizationRequest(string Action, IReadOnlyList<string> Resources, RequestContext Context, bool IsReadOnly = false)
{
    /// <summary>A request for one action on <c>*</c> with the given context.</summary>
    public static AuthorizationRequest For(string action, RequestContext context) => new(action, [ResourceArns.Any], context);

    /// <summary>
    /// A request for a parsed call: action <c>service:Operation</c>, resources derived from the parameters
    /// (<see cref="ResourceArns.Derive"/>).
    /// </summary>
    public static AuthorizationRequest ForCall(string service, string operation, System.Text.Json.JsonElement parameters, string region, string account,
        RequestContext context, bool isReadOnly = false)
        => new($"{service}:{operation}", ResourceArns.Derive(service, operation, parameters, region, account), context, isReadOnly);
}

/// <summary>The chat user asking, with the role they mapped (where user roles are used).</summary>
/// <param name="ChatUserId">The platform's user id.</param>
/// <param name="DisplayName">A name for messages and the audit log.</param>
/// <param name="UserRole">The user's own role's policies, or null when the user chose none.</param>
public sealed record Principal(string ChatUserId, string? DisplayName = null, PolicySet? UserRole = null);

/// <summary>What a channel configuration contributes: its role, its guardrails and whether user roles are required.</summary>
/// <param name="ChannelName">The configuration name (used in messages).</param>
/// <param name="ChannelRole">The channel role's policies, or null when the channel has none.</param>
/// <param name="Guardrails">The guardrail policies, or null when none is set (then AdministratorAccess applies, with a warning).</param>
/// <param name="UserRoleRequired">True when each user must run commands with their own role.</param>
public sealed record ChannelPolicies(string ChannelName, PolicySet? ChannelRole, PolicySet? Guardrails, bool UserRoleRequired = false)
{
    /// <summary>Shown by the API and console when the configuration sets no guardrail.</summary>
    public const string NoGuardrailWarning =
        "No guardrail is set: AdministratorAccess applies (as in AWS Chatbot), so the role alone decides. Set a guardrail such as the ReadOnly template.";

    /// <summary>The warning to show for this configuration, or null.</summary>
    public string? Warning => Guardrails is null ? NoGuardrailWarning : null;
}

/// <summary>Decides whether a chat user may run one call in one channel, and why.</summary>
public interface IAuthorizer
{
    /// <summary>Allowed only if the role allows it, the guardrails allow it, and it is not a blocked operation.</summary>
    Decision Decide(AuthorizationRequest request, Principal principal, ChannelPolicies channel);
}
