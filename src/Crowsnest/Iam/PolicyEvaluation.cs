namespace Crowsnest.Iam;

/// <summary>The three outcomes of IAM evaluation over one policy set.</summary>
public enum EvaluationOutcome
{
    /// <summary>No statement allows the request.</summary>
    ImplicitDeny,

    /// <summary>A statement allows it and none denies it.</summary>
    Allow,

    /// <summary>A Deny statement applies; it wins over every Allow.</summary>
    ExplicitDeny,
}

/// <summary>The outcome for a policy set, with the deciding policy and statement (none for an implicit deny).</summary>
/// <param name="Outcome">Allow, explicit deny or implicit deny.</param>
/// <param name="Policy">The policy holding the deciding statement.</param>
/// <param name="Statement">The deciding statement: the first applicable Deny, else the first applicable Allow.</param>
/// <param name="Resource">The resource that decided (for an implicit deny: the first resource no statement allows).</param>
public readonly record struct PolicyEvaluation(EvaluationOutcome Outcome, CompiledPolicy? Policy, CompiledStatement? Statement, string? Resource)
{
    /// <summary>True for <see cref="EvaluationOutcome.Allow"/>.</summary>
    public bool IsAllowed => Outcome == EvaluationOutcome.Allow;
}
