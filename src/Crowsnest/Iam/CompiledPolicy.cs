namespace Crowsnest.Iam;

/// <summary>A named policy compiled once (per configuration snapshot) and evaluated many times.</summary>
public sealed class CompiledPolicy
{
    private CompiledPolicy(string name, PolicyDocument document, IReadOnlyList<CompiledStatement> statements)
    {
        Name = name;
        Document = document;
        Statements = statements;
    }

    /// <summary>The name shown in decisions (policy name, template name or ARN).</summary>
    public string Name { get; }

    /// <summary>The document it was compiled from.</summary>
    public PolicyDocument Document { get; }

    /// <summary>The compiled statements in document order.</summary>
    public IReadOnlyList<CompiledStatement> Statements { get; }

    /// <summary>Compiles a parsed (valid) document.</summary>
    public static CompiledPolicy Compile(string name, PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var variables = document.VariablesEnabled;
        return new CompiledPolicy(name, document, [.. document.Statements.Select(s => new CompiledStatement(s, variables))]);
    }

    /// <summary>Parses and compiles; the result carries every problem when the text is not a valid policy.</summary>
    public static CompileResult Parse(string name, string json, PolicyLimits? limits = null)
    {
        var parsed = PolicyParser.Parse(json, limits ?? PolicyLimits.ManagedPolicy);
        return parsed.IsValid
            ? new CompileResult(Compile(name, parsed.Document), parsed.Problems)
            : new CompileResult(null, parsed.Problems);
    }

    /// <summary>
    /// The equivalent of AWS's ReadOnlyAccess: one statement allowing, on every resource, each action that
    /// <paramref name="catalog"/> calls read-only.
    /// </summary>
    public static CompiledPolicy ReadOnlyAccess(IReadOnlyOperationCatalog catalog, string name = "ReadOnlyAccess")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var statement = new PolicyStatement(0, "ReadOnlyOperations", PolicyEffect.Allow, ["<read-only operations>"], false, ["*"], false, []);
        var document = new PolicyDocument(PolicyDocument.CurrentVersion, null, [statement]);
        return new CompiledPolicy(name, document, [new CompiledStatement(statement, catalog)]);
    }
}

/// <summary>A compiled policy, or the problems that prevented compiling it.</summary>
public sealed record CompileResult(CompiledPolicy? Policy, IReadOnlyList<PolicyProblem> Problems)
{
    /// <summary>True when <see cref="Policy"/> is set.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Policy))]
    public bool IsValid => Policy is not null;
}
