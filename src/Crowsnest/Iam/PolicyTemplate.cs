namespace Crowsnest.Iam;

/// <summary>
/// A built-in policy template (AWS Chatbot's console templates and the AWS managed policies they rely on).
/// </summary>
/// <param name="Key">Short name used by the CLI and API (<c>ReadOnly</c>, <c>LambdaInvoke</c>, …).</param>
/// <param name="DisplayName">The name AWS Chatbot's console shows.</param>
/// <param name="Policies">The policies it attaches: name and JSON, or null JSON for the read-only catalog policy.</param>
/// <param name="Note">Where the contents come from, or what is unconfirmed.</param>
public sealed record PolicyTemplate(string Key, string DisplayName, IReadOnlyList<TemplatePolicy> Policies, string Note)
{
    /// <summary>Compiles the template's policies; the read-only catalog answers for ReadOnlyAccess.</summary>
    public IReadOnlyList<CompiledPolicy> Compile(IReadOnlyOperationCatalog catalog) =>
        [.. Policies.Select(p => p.Json is null
            ? CompiledPolicy.ReadOnlyAccess(catalog, p.Name)
            : CompiledPolicy.Compile(p.Name, PolicyParser.Parse(p.Json).Document
                ?? throw new InvalidOperationException($"built-in policy {p.Name} does not parse")))];
}

/// <summary>One policy of a template: its IAM name, its ARN when AWS manages it, and its JSON (null = read-only catalog).</summary>
public sealed record TemplatePolicy(string Name, string? Arn, string? Json);
