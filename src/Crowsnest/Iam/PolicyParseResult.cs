namespace Crowsnest.Iam;

/// <summary>One problem in a policy document: where (a JSON-ish path such as <c>Statement[1].Effect</c>) and what.</summary>
public sealed record PolicyProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}

/// <summary>The outcome of parsing a policy: the document when valid, and every problem found.</summary>
public sealed record PolicyParseResult(PolicyDocument? Document, IReadOnlyList<PolicyProblem> Problems)
{
    /// <summary>True when the policy has no problem and <see cref="Document"/> is set.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Document))]
    public bool IsValid => Document is not null && Problems.Count == 0;
}

/// <summary>Size and character limits applied while parsing (IAM quotas; whitespace is not counted).</summary>
/// <param name="MaxCharacters">Maximum non-whitespace characters (6,144 for a managed policy).</param>
public sealed record PolicyLimits(int MaxCharacters)
{
    /// <summary>A customer managed policy: 6,144 characters.</summary>
    public static readonly PolicyLimits ManagedPolicy = new(6144);

    /// <summary>All inline policies of a role together: 10,240 characters.</summary>
    public static readonly PolicyLimits RoleInline = new(10240);
}
