using Crowsnest.Iam;

namespace Crowsnest.Commands.Authorize;

/// <summary>A policy given to the simulator: a name and JSON text, or (for a guardrail) a built-in template name alone.</summary>
public sealed record SimulatedPolicy(string Name, string? Json = null);

/// <summary>The simulator's answer: printable lines (the first is <c>allowed</c>, <c>denied</c> or <c>invalid</c>).</summary>
public sealed record SimulationResult(Decision? Decision, IReadOnlyList<string> Lines, IReadOnlyList<string> Problems)
{
    /// <summary>True when the policies were valid and the call is allowed.</summary>
    public bool Allowed => Decision?.Allowed == true;
}

/// <summary>
/// Offline "could this role run this call under these guardrails?" — the engine behind
/// <c>crowsnest policy simulate --role-policy FILE… --guardrail FILE|TEMPLATE… -- &lt;aws command&gt;</c>.
/// </summary>
public sealed class PolicySimulator(IReadOnlyOperationCatalog catalog, IAuthorizer authorizer)
{
    /// <summary>A simulator with the default catalog and AWS Chatbot's blocked list.</summary>
    public PolicySimulator()
        : this(PrefixReadOnlyOperationCatalog.Instance, new Authorizer())
    {
    }

    /// <summary>Simulates one request. No guardrail given means AWS's default (AdministratorAccess), with its warning.</summary>
    public SimulationResult Simulate(IReadOnlyList<SimulatedPolicy> rolePolicies, IReadOnlyList<SimulatedPolicy> guardrails, AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(rolePolicies);
        ArgumentNullException.ThrowIfNull(guardrails);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        var role = Compile(rolePolicies, allowTemplates: true, problems);
        var guardrail = Compile(guardrails, allowTemplates: true, problems);
        if (problems.Count > 0)
        {
            return new SimulationResult(null, ["invalid", .. problems], problems);
        }
        var channel = new ChannelPolicies("simulation", new PolicySet("simulated-role", role), guardrails.Count == 0 ? null : new PolicySet("guardrails", guardrail));
        var decision = authorizer.Decide(request, new Principal("simulation"), channel);
        var lines = new List<string> { decision.Allowed ? "allowed" : "denied", decision.Reason };
        lines.Add($"action: {request.Action}; resources: {string.Join(", ", request.Resources)}");
        if (decision.Stage != DecisionStage.Blocked && decision.Stage != DecisionStage.NoRole)
        {
            lines.Add($"role: {Describe(decision.RoleEvaluation)}");
            lines.Add($"guardrails: {(channel.Guardrails is null ? "none set (AdministratorAccess)" : Describe(decision.GuardrailEvaluation))}");
        }
        if (decision.Warning is not null)
        {
            lines.Add("warning: " + decision.Warning);
        }
        return new SimulationResult(decision, lines, []);
    }

    private List<CompiledPolicy> Compile(IReadOnlyList<SimulatedPolicy> policies, bool allowTemplates, List<string> problems)
    {
        var compiled = new List<CompiledPolicy>();
        foreach (var policy in policies)
        {
            if (policy.Json is null)
            {
                if (allowTemplates && PolicyTemplates.TryFind(policy.Name, out var template))
                {
                    compiled.AddRange(template.Compile(catalog));
                }
                else
                {
                    problems.Add($"{policy.Name}: no such template (known: {string.Join(", ", PolicyTemplates.All.Select(t => t.Key))})");
                }
                continue;
            }
            var result = CompiledPolicy.Parse(policy.Name, policy.Json);
            if (result.IsValid)
            {
                compiled.Add(result.Policy);
            }
            else
            {
                problems.AddRange(result.Problems.Select(p => $"{policy.Name}: {p}"));
            }
        }
        return compiled;
    }

    private static string Describe(PolicyEvaluation evaluation) => evaluation.Outcome switch
    {
        EvaluationOutcome.Allow => $"allow (policy {evaluation.Policy!.Name}, statement {evaluation.Statement!.Label})",
        EvaluationOutcome.ExplicitDeny => $"explicit deny (policy {evaluation.Policy!.Name}, statement {evaluation.Statement!.Label})",
        _ => "implicit deny (no statement allows it)",
    };
}
