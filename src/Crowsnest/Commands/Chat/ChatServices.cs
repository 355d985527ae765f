using Crowsnest.Aws.Credentials;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Iam.Sources;

namespace Crowsnest.Commands.Chat;

/// <summary>Compiled policies for the roles and guardrails of chat configurations.</summary>
public interface IChatPolicyResolver
{
    /// <summary>A role's attached and inline policies.</summary>
    ValueTask<PolicySetResolution> RoleAsync(string roleArn, CancellationToken cancellationToken);

    /// <summary>A configuration's guardrails as one set, or a resolution with a null set and no problems when it sets none.</summary>
    ValueTask<PolicySetResolution> GuardrailsAsync(ChannelConfiguration configuration, CancellationToken cancellationToken);
}

/// <summary>Resolves through a <see cref="PolicyResolver"/> (built-in templates, stored documents, AWS-resolved ARNs).</summary>
public sealed class ChatPolicyResolver(PolicyResolver resolver) : IChatPolicyResolver
{
    /// <inheritdoc />
    public ValueTask<PolicySetResolution> RoleAsync(string roleArn, CancellationToken cancellationToken) => resolver.ResolveRoleAsync(roleArn, cancellationToken);

    /// <inheritdoc />
    public ValueTask<PolicySetResolution> GuardrailsAsync(ChannelConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var arns = configuration.Document.GuardrailPolicyArns;
        return arns.Count == 0
            ? ValueTask.FromResult(new PolicySetResolution(null, []))
            : resolver.ResolvePoliciesAsync($"{configuration.Name} guardrails", arns, cancellationToken);
    }
}

/// <summary>Credentials for the role a command runs as.</summary>
public interface IChatCredentials
{
    /// <summary>Assumes the role for this platform user (session name <c>crowsnest-&lt;platform&gt;-&lt;user&gt;</c>).</summary>
    Task<AssumeRoleResult> AssumeAsync(RoleSession session, CancellationToken cancellationToken);
}

/// <summary>Assumes roles through STS with <see cref="RoleAssumer"/> (which caches credentials).</summary>
public sealed class StsChatCredentials(RoleAssumer assumer) : IChatCredentials
{
    /// <inheritdoc />
    public Task<AssumeRoleResult> AssumeAsync(RoleSession session, CancellationToken cancellationToken) => assumer.AssumeAsync(session, cancellationToken);
}

/// <summary>The user roles chat users chose (AWS Chatbot's user identities).</summary>
public interface IUserRoleDirectory
{
    /// <summary>The IAM role a user mapped for a configuration, or null.</summary>
    Task<string?> FindRoleArnAsync(string configurationArn, string platform, string userId, CancellationToken cancellationToken);
}
