using Crowsnest.Iam;

namespace Crowsnest.Commands.Authorize;

/// <summary>Which check decided.</summary>
public enum DecisionStage
{
    /// <summary>The operation is on the blocked list.</summary>
    Blocked,

    /// <summary>There is no role to run it with (or the user must choose a user role first).</summary>
    NoRole,

    /// <summary>A guardrail denied it (explicitly or by allowing nothing that matches).</summary>
    Guardrail,

    /// <summary>The role denied it.</summary>
    Role,

    /// <summary>Role and guardrails allow it.</summary>
    Allowed,
}

/// <summary>
/// The answer for one call: allowed or not, the deciding policy and statement, and a sentence for chat
/// (built when read, so deciding allocates nothing).
/// </summary>
public readonly struct Decision
{
    internal Decision(DecisionStage stage, AuthorizationRequest request, string? roleName, PolicyEvaluation role, PolicyEvaluation guardrail,
        BlockedOperation? blocked, string? noRoleReason, string? warning)
    {
        Stage = stage;
        Request = request;
        RoleName = roleName;
        RoleEvaluation = role;
        GuardrailEvaluation = guardrail;
        Blocked = blocked;
        _noRoleReason = noRoleReason;
        Warning = warning;
    }

    private readonly string? _noRoleReason;

    /// <summary>True when the call may run.</summary>
    public bool Allowed => Stage == DecisionStage.Allowed;

    /// <summary>Which check decided.</summary>
    public DecisionStage Stage { get; }

    /// <summary>The request decided on.</summary>
    public AuthorizationRequest Request { get; }

    /// <summary>The role used (channel role or user role), if any.</summary>
    public string? RoleName { get; }

    /// <summary>The role's evaluation (default when not reached).</summary>
    public PolicyEvaluation RoleEvaluation { get; }

    /// <summary>The guardrails' evaluation (default when not reached).</summary>
    public PolicyEvaluation GuardrailEvaluation { get; }

    /// <summary>The blocked-list entry that matched, if any.</summary>
    public BlockedOperation? Blocked { get; }

    /// <summary>A warning to show with the answer (no guardrail set), or null.</summary>
    public string? Warning { get; }

    /// <summary>The deciding policy's name, if a statement decided.</summary>
    public string? PolicyName => Deciding.Policy?.Name;

    /// <summary>The deciding statement's Sid or <c>#index</c>, if a statement decided.</summary>
    public string? Statement => Deciding.Statement?.Label;

    /// <summary>The sentence for chat.</summary>
    public string Reason => DecisionText.Explain(this, _noRoleReason);

    private PolicyEvaluation Deciding => Stage switch
    {
        DecisionStage.Guardrail => GuardrailEvaluation,
        DecisionStage.Role or DecisionStage.Allowed => RoleEvaluation,
        _ => default,
    };

    /// <inheritdoc />
    public override string ToString() => Reason;
}
