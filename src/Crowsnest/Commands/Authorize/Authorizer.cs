using Crowsnest.Iam;

namespace Crowsnest.Commands.Authorize;

/// <summary>
/// Crowsnest's local authorization: blocked list, then role (channel role, or the user's role where required)
/// intersected with the guardrails. An explicit deny anywhere wins; the guardrails' own denies are reported first,
/// since they take precedence over every role.
/// </summary>
public sealed class Authorizer(BlockedOperations blocked) : IAuthorizer
{
    private static readonly PolicySet DefaultGuardrail = new("AdministratorAccess (default)",
        PolicyTemplates.All.First(t => t.Key == "AdministratorAccess").Compile(PrefixReadOnlyOperationCatalog.Instance));

    /// <summary>An authorizer with AWS Chatbot's blocked list.</summary>
    public Authorizer()
        : this(BlockedOperations.Default)
    {
    }

    /// <inheritdoc />
    public Decision Decide(AuthorizationRequest request, Principal principal, ChannelPolicies channel)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(channel);
        var warning = channel.Warning;
        if (blocked.TryMatch(request.Action, out var entry))
        {
            return new Decision(DecisionStage.Blocked, request, null, default, default, entry, null, warning);
        }
        PolicySet? role;
        if (channel.UserRoleRequired)
        {
            role = principal.UserRole;
            if (role is null)
            {
                return NoRole(request, warning, $"Denied: channel {channel.ChannelName} requires a user role, and you have not chosen one yet.");
            }
        }
        else
        {
            role = principal.UserRole ?? channel.ChannelRole;
            if (role is null)
            {
                return NoRole(request, warning, $"Denied: channel {channel.ChannelName} has no role to run commands with.");
            }
        }
        var guardrails = channel.Guardrails ?? DefaultGuardrail;
        var guardrailResult = guardrails.Evaluate(request.Action, request.Resources, request.Context);
        var roleResult = role.Evaluate(request.Action, request.Resources, request.Context);
        var stage = guardrailResult.Outcome == EvaluationOutcome.ExplicitDeny ? DecisionStage.Guardrail
            : roleResult.Outcome != EvaluationOutcome.Allow ? DecisionStage.Role
            : guardrailResult.Outcome != EvaluationOutcome.Allow ? DecisionStage.Guardrail
            : DecisionStage.Allowed;
        return new Decision(stage, request, role.Name, roleResult, channel.Guardrails is null ? default : guardrailResult, null, null, warning);
    }

    private static Decision NoRole(AuthorizationRequest request, string? warning, string reason)
        => new(DecisionStage.NoRole, request, null, default, default, null, reason, warning);
}
