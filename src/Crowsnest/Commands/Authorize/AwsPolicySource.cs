using System.Text.Json.Nodes;
using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Iam.Sources;

namespace Crowsnest.Commands.Authorize;

/// <summary>
/// Reads policies from IAM through the AWS engine: <c>get-policy</c> + <c>get-policy-version</c> for a managed or
/// customer policy, and <c>list-attached-role-policies</c>, <c>list-role-policies</c>, <c>get-role-policy</c> for a
/// role. Documents come back URL-encoded from IAM and are decoded here. Wrap it in <see cref="CachingPolicySource"/>.
/// </summary>
/// <param name="invoker">Runs the IAM calls (its options give the endpoint).</param>
/// <param name="models">The AWS models (for the IAM operations).</param>
/// <param name="credentials">Credentials allowed to read IAM (Crowsnest's own, not a chat user's).</param>
public sealed class AwsPolicySource(IAwsInvoker invoker, ServiceCatalog models, Func<CancellationToken, Task<AwsCredentials>> credentials) : IPolicySource
{
    private const string NoSuchEntity = "NoSuchEntity";

    /// <inheritdoc />
    public async ValueTask<PolicyFetch> GetManagedPolicyAsync(string policyArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policyArn);
        var policy = await CallAsync("GetPolicy", new JsonObject { ["PolicyArn"] = policyArn }, cancellationToken);
        if (policy is AwsResult.Failure failure)
        {
            return failure.Error.Code == NoSuchEntity ? PolicyFetch.NotFound(policyArn) : PolicyFetch.Failed($"policy {policyArn}: {failure.PlainMessage}");
        }
        var details = ((AwsResult.Success)policy).Output["Policy"];
        var version = (string?)details?["DefaultVersionId"];
        var name = (string?)details?["PolicyName"] ?? policyArn[(policyArn.LastIndexOf('/') + 1)..];
        if (version is null)
        {
            return PolicyFetch.Failed($"policy {policyArn}: IAM named no default version");
        }
        var document = await CallAsync("GetPolicyVersion", new JsonObject { ["PolicyArn"] = policyArn, ["VersionId"] = version }, cancellationToken);
        return document switch
        {
            AwsResult.Success { Output: var output } when (string?)output["PolicyVersion"]?["Document"] is { } text => PolicyFetch.Found(new PolicyText(name, Decode(text))),
            AwsResult.Failure { Error.Code: NoSuchEntity } => PolicyFetch.NotFound(policyArn),
            AwsResult.Failure f => PolicyFetch.Failed($"policy {policyArn} version {version}: {f.PlainMessage}"),
            _ => PolicyFetch.Failed($"policy {policyArn} version {version}: IAM returned no document"),
        };
    }

    /// <inheritdoc />
    public async ValueTask<RolePoliciesFetch> GetRolePoliciesAsync(string roleArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        var roleName = PolicyResolver.RoleName(roleArn);
        var attached = await CallAsync("ListAttachedRolePolicies", new JsonObject { ["RoleName"] = roleName }, cancellationToken);
        if (attached is AwsResult.Failure failure)
        {
            return failure.Error.Code == NoSuchEntity ? RolePoliciesFetch.NotFound(roleArn) : RolePoliciesFetch.Failed($"role {roleArn}: {failure.PlainMessage}");
        }
        var arns = Strings(((AwsResult.Success)attached).Output["AttachedPolicies"], "PolicyArn");
        var names = await CallAsync("ListRolePolicies", new JsonObject { ["RoleName"] = roleName }, cancellationToken);
        if (names is AwsResult.Failure namesFailure)
        {
            return RolePoliciesFetch.Failed($"role {roleArn}: {namesFailure.PlainMessage}");
        }
        var inline = new List<PolicyText>();
        foreach (var policyName in Strings(((AwsResult.Success)names).Output["PolicyNames"], null))
        {
            var policy = await CallAsync("GetRolePolicy", new JsonObject { ["RoleName"] = roleName, ["PolicyName"] = policyName }, cancellationToken);
            if (policy is not AwsResult.Success { Output: var output } || (string?)output["PolicyDocument"] is not { } text)
            {
                var why = policy is AwsResult.Failure f ? f.PlainMessage : "IAM returned no document";
                return RolePoliciesFetch.Failed($"role {roleArn}, inline policy {policyName}: {why}");
            }
            inline.Add(new PolicyText(policyName, Decode(text)));
        }
        return RolePoliciesFetch.Found(arns, inline);
    }

    /// <summary>IAM returns documents URL-encoded (RFC 3986); some emulators return them as they are.</summary>
    internal static string Decode(string document) =>
        document.TrimStart().StartsWith('{') ? document : Uri.UnescapeDataString(document);

    private async Task<AwsResult> CallAsync(string operationName, JsonObject input, CancellationToken cancellationToken)
    {
        var operation = models.Find("iam")?.Operation(operationName)
            ?? throw new InvalidOperationException($"The AWS models have no iam {operationName}.");
        var call = new AwsCall(operation, input, Region: null, new OutputOptions());
        return await invoker.InvokeAsync(call, await credentials(cancellationToken), cancellationToken);
    }

    private static List<string> Strings(JsonNode? array, string? member) =>
        array is JsonArray items ? [.. items.Select(i => (string?)(member is null ? i : i?[member])).OfType<string>()] : [];
}
