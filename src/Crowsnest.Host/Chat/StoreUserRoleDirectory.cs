using Crowsnest.Commands.Chat;
using Crowsnest.Configuration;
using Crowsnest.Host.Api.Chatbot;
using Crowsnest.Storage;

namespace Crowsnest.Host.Chat;

/// <summary>User roles from the stored user identities (the AWS Chatbot API's Slack and Teams user identities).</summary>
internal sealed class StoreUserRoleDirectory(IStore store) : IUserRoleDirectory
{
    public async Task<string?> FindRoleArnAsync(string configurationArn, string platform, string userId, CancellationToken cancellationToken)
    {
        var record = await store.Resources.GetAsync(ResourceKinds.UserIdentity, IdentityOperations.IdentityId(configurationArn, platform, userId), cancellationToken);
        return record is null ? null : ConfigurationJson.Read<UserIdentityDocument>(record.Document)?.IamRoleArn;
    }
}
