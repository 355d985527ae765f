using Crowsnest.Iam;

namespace Crowsnest.Commands.Authorize;

/// <summary>The sentences a decision shows in chat.</summary>
internal static class DecisionText
{
    public static string Explain(Decision decision, string? noRoleReason)
    {
        var action = decision.Request.Action;
        var role = decision.RoleEvaluation;
        var guardrail = decision.GuardrailEvaluation;
        return decision.Stage switch
        {
            DecisionStage.Blocked when decision.Blocked!.IsWholeService =>
                $"Blocked: {decision.Blocked.Action} operations are never run from chat.",
            DecisionStage.Blocked =>
                $"Blocked: {decision.Blocked!.Action} is never run from chat (it {decision.Blocked.Reason}).",
            DecisionStage.NoRole => noRoleReason ?? "Denied: there is no role to run this command with.",
            DecisionStage.Guardrail when guardrail.Outcome == EvaluationOutcome.ExplicitDeny =>
                $"Denied by guardrail {guardrail.Policy!.Name}, statement {guardrail.Statement!.Label}: {action}{On(guardrail.Resource)} is not allowed in this channel.",
            DecisionStage.Guardrail =>
                $"Not allowed by the guardrails of this channel: no guardrail statement allows {action}{On(guardrail.Resource)}.",
            DecisionStage.Role when role.Outcome == EvaluationOutcome.ExplicitDeny =>
                $"Denied by role {decision.RoleName}, policy {role.Policy!.Name}, statement {role.Statement!.Label}: {action}{On(role.Resource)} is denied.",
            DecisionStage.Role =>
                $"Not allowed by role {decision.RoleName}: no statement allows {action}{On(role.Resource)}.",
            _ => $"Allowed by role {decision.RoleName} (policy {role.Policy?.Name}, statement {role.Statement?.Label})"
                + (guardrail.Policy is null ? " with no guardrail set." : $" within guardrail {guardrail.Policy.Name} (statement {guardrail.Statement?.Label}).")
        };
    }

    private static string On(string? resource) => resource is null or ResourceArns.Any ? "" : $" on {resource}";
}
