using Crowsnest.Iam;

namespace Crowsnest.Commands.Authorize;

/// <summary>Builds the condition keys a chat command supplies, as AWS would see them for the assumed role's session.</summary>
public static class ChatRequestContext
{
    /// <summary>
    /// Region, time, secure transport, principal (the role ARN and account, type AssumedRole, userid
    /// <c>role-id:session</c>), principal tags and <c>aws:ChatbotSourceArn</c> (the configuration ARN). No
    /// <c>aws:username</c>: AWS leaves it out for role sessions.
    /// </summary>
    public static RequestContext Create(string region, DateTimeOffset now, string roleArn, string sessionName,
        string? configurationArn = null, IReadOnlyDictionary<string, string>? principalTags = null, string? roleId = null)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        var context = new RequestContext()
            .Set(GlobalConditionKeys.RequestedRegion, region)
            .SetTime(now)
            .SetBool(GlobalConditionKeys.SecureTransport, true)
            .SetBool(GlobalConditionKeys.ViaAwsService, false)
            .Set(GlobalConditionKeys.PrincipalArn, roleArn)
            .Set(GlobalConditionKeys.PrincipalType, "AssumedRole")
            .Set(GlobalConditionKeys.UserId, $"{roleId ?? Iam.Sources.PolicyResolver.RoleName(roleArn)}:{sessionName}");
        var parts = roleArn.Split(':');
        if (parts.Length > 4)
        {
            context.Set(GlobalConditionKeys.PrincipalAccount, parts[4]);
        }
        if (configurationArn is not null)
        {
            context.Set(GlobalConditionKeys.ChatbotSourceArn, configurationArn);
        }
        foreach (var (key, value) in principalTags ?? new Dictionary<string, string>())
        {
            context.Set(GlobalConditionKeys.PrincipalTagPrefix + key, value);
        }
        return context;
    }
}
