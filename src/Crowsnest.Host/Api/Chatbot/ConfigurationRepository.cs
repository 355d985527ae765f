using Crowsnest.Configuration;
using Crowsnest.Host.Hosting;
using Crowsnest.Storage;

namespace Crowsnest.Host.Api.Chatbot;

/// <summary>A stored channel configuration, read back.</summary>
internal sealed record StoredConfiguration(ChannelConfigurationDocument Document, ChannelSecrets? Secrets, ResourceRecord Record);

/// <summary>
/// Channel configurations in the resource store (kind <c>configuration</c>, id = ARN, name = ConfigurationName):
/// every write validated with <see cref="ConfigurationValidator"/> and audited (never with secrets).
/// </summary>
internal sealed class ConfigurationRepository(IStore store, CrowsnestSettings settings, TimeProvider time, AuditWriter audit)
{
    public string ArnFor(string targetType, string name) =>
        $"arn:aws:chatbot::{settings.Api.AccountId}:chat-configuration/{ArnSegment(targetType)}/{name}";

    public static string ArnSegment(string targetType) => targetType switch
    {
        TargetTypes.SlackChannel => "slack-channel",
        TargetTypes.TeamsChannel => "microsoft-teams-channel",
        TargetTypes.ChimeWebhook => "chime-webhook",
        TargetTypes.Webhook => "webhook",
        _ => "console",
    };

    public async Task<StoredConfiguration?> GetAsync(string arn, string? targetType, CancellationToken cancellationToken)
    {
        var record = await store.Resources.GetAsync(ResourceKinds.Configuration, arn, cancellationToken);
        var document = record is null ? null : ConfigurationJson.Read<ChannelConfigurationDocument>(record.Document);
        if (record is null || document is null || (targetType is not null && document.TargetType != targetType))
        {
            return null;
        }
        return new StoredConfiguration(document, record.Secrets is null ? null : ConfigurationJson.Read<ChannelSecrets>(record.Secrets), record);
    }

    /// <summary>All configurations (of one target type when given), ordered by ARN.</summary>
    public async Task<IReadOnlyList<ChannelConfigurationDocument>> ListAsync(string? targetType, CancellationToken cancellationToken)
    {
        var records = await store.Resources.ListAllAsync([ResourceKinds.Configuration], cancellationToken);
        return [.. records
            .Select(r => ConfigurationJson.Read<ChannelConfigurationDocument>(r.Document))
            .OfType<ChannelConfigurationDocument>()
            .Where(d => targetType is null || d.TargetType == targetType)
            .OrderBy(d => d.ChatConfigurationArn, StringComparer.Ordinal)];
    }

    public async Task<AwsError?> CreateAsync(ChannelConfigurationDocument document, ChannelSecrets? secrets, IReadOnlyList<ResourceTag> tags, ApiCall call,
        SlackChannelCheck? slack = null)
    {
        if (await ValidateAsync(document, secrets, slack, call.CancellationToken) is { } invalid)
        {
            return invalid;
        }
        var now = time.GetUtcNow();
        var record = new ResourceRecord(ResourceKinds.Configuration, document.ChatConfigurationArn, document.ConfigurationName,
            ConfigurationJson.Write(document), SecretsJson(secrets), 0, now, now);
        var result = await store.Resources.CreateAsync(record, call.CancellationToken);
        if (result == ResourceWriteResult.Conflict)
        {
            return AwsError.Conflict($"A configuration named {document.ConfigurationName} already exists.");
        }
        if (tags.Count > 0)
        {
            await store.Resources.SetTagsAsync(document.ChatConfigurationArn, tags, call.CancellationToken);
        }
        await audit.WriteAsync(call, "configuration.create", document.ChatConfigurationArn, ConfigurationJson.Write(document));
        return null;
    }

    public async Task<AwsError?> UpdateAsync(StoredConfiguration current, ChannelConfigurationDocument document, ChannelSecrets? secrets, ApiCall call,
        SlackChannelCheck? slack = null)
    {
        if (await ValidateAsync(document, secrets, slack, call.CancellationToken) is { } invalid)
        {
            return invalid;
        }
        var record = current.Record with { Document = ConfigurationJson.Write(document), Secrets = SecretsJson(secrets), UpdatedAt = time.GetUtcNow() };
        var result = await store.Resources.UpdateAsync(record, current.Record.Version, call.CancellationToken);
        switch (result)
        {
            case ResourceWriteResult.NotFound:
                return AwsError.NotFound($"The configuration {document.ChatConfigurationArn} does not exist.");
            case ResourceWriteResult.VersionMismatch:
                return AwsError.Conflict("The configuration was changed by another request at the same time; read it again and retry.");
        }
        await audit.WriteAsync(call, "configuration.update", document.ChatConfigurationArn, ConfigurationJson.Write(document));
        return null;
    }

    public async Task<bool> DeleteAsync(string arn, ApiCall call)
    {
        var deleted = await store.Resources.DeleteAsync(ResourceKinds.Configuration, arn, call.CancellationToken);
        if (deleted)
        {
            await audit.WriteAsync(call, "configuration.delete", arn, null);
        }
        return deleted;
    }

    public Task<IReadOnlyList<ResourceTag>> TagsAsync(string arn, CancellationToken cancellationToken) => store.Resources.GetTagsAsync(arn, cancellationToken);

    /// <summary>Every validation error at once; then, for a Slack channel, the check against Slack itself.</summary>
    private static async Task<AwsError?> ValidateAsync(ChannelConfigurationDocument document, ChannelSecrets? secrets, SlackChannelCheck? slack, CancellationToken cancellationToken)
    {
        var errors = ConfigurationValidator.Validate(document, secrets);
        if (errors.Count > 0)
        {
            return AwsError.InvalidParameter(ValidationError.Describe(errors));
        }
        return slack is not null && document.TargetType == TargetTypes.SlackChannel
            ? await slack.CheckAsync(document.SlackTeamId, document.SlackChannelId, cancellationToken)
            : null;
    }

    private static string? SecretsJson(ChannelSecrets? secrets) =>
        secrets is null || (secrets.WebhookUrl is null && secrets.SigningSecret is null) ? null : ConfigurationJson.Write(secrets);
}
