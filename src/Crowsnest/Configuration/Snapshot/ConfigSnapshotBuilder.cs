using Crowsnest.Configuration.Filters;
using Crowsnest.Storage;

namespace Crowsnest.Configuration.Snapshot;

/// <summary>A built snapshot, or every problem that stopped it.</summary>
public sealed record SnapshotBuildResult(ConfigSnapshot? Snapshot, IReadOnlyList<string> Errors);

/// <summary>Builds a <see cref="ConfigSnapshot"/> from stored records, validating each with the same validators as the API.</summary>
public static class ConfigSnapshotBuilder
{
    /// <summary>Builds a snapshot; any invalid record fails the whole build (listed, without secrets).</summary>
    /// <param name="stamp">The store's change stamp.</param>
    /// <param name="records">Every resource of the snapshot kinds.</param>
    /// <param name="associations">Custom actions associated with configurations (associations to unknown resources are ignored).</param>
    public static SnapshotBuildResult Build(long stamp, IReadOnlyList<ResourceRecord> records, IReadOnlyList<ResourceAssociation>? associations = null)
    {
        var errors = new List<string>();
        var configurations = new List<ChannelConfiguration>();
        var workspaces = new List<SlackWorkspace>();
        var teams = new List<TeamsTeamDocument>();
        var actions = new List<CustomActionDocument>();
        var preferences = new AccountPreferencesDocument();
        foreach (var record in records.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            switch (record.Kind)
            {
                case ResourceKinds.Configuration:
                    AddConfiguration(record, configurations, errors);
                    break;
                case ResourceKinds.SlackWorkspace:
                    AddWorkspace(record, workspaces, errors);
                    break;
                case ResourceKinds.TeamsTeam:
                    Add(record, teams, errors);
                    break;
                case ResourceKinds.CustomAction:
                    Add(record, actions, errors);
                    break;
                case ResourceKinds.AccountPreferences:
                    preferences = ConfigurationJson.Read<AccountPreferencesDocument>(record.Document) ?? preferences;
                    break;
            }
        }
        return errors.Count > 0
            ? new SnapshotBuildResult(null, errors)
            : new SnapshotBuildResult(new ConfigSnapshot(stamp, configurations, workspaces, teams, actions, preferences, associations), []);
    }

    private static void AddConfiguration(ResourceRecord record, List<ChannelConfiguration> into, List<string> errors)
    {
        var document = ConfigurationJson.Read<ChannelConfigurationDocument>(record.Document);
        var secrets = record.Secrets is null ? null : ConfigurationJson.Read<ChannelSecrets>(record.Secrets);
        if (document is null)
        {
            errors.Add($"configuration {record.Id}: the stored document cannot be read");
            return;
        }
        var problems = ConfigurationValidator.Validate(document, secrets);
        if (problems.Count > 0)
        {
            errors.Add($"configuration {record.Id}: {ValidationError.Describe(problems)}");
            return;
        }
        into.Add(new ChannelConfiguration(document, TargetOf(document, secrets), CompiledEventFilter.Compile(document.EventFilter)));
    }

    private static void AddWorkspace(ResourceRecord record, List<SlackWorkspace> into, List<string> errors)
    {
        var document = ConfigurationJson.Read<SlackWorkspaceDocument>(record.Document);
        var secrets = record.Secrets is null ? null : ConfigurationJson.Read<SlackWorkspaceSecrets>(record.Secrets);
        var problems = document is null ? [new ValidationError("", "the stored document cannot be read")] : ConfigurationValidator.Validate(document, secrets);
        if (problems.Count > 0)
        {
            errors.Add($"slack workspace {record.Id}: {ValidationError.Describe(problems)}");
            return;
        }
        into.Add(new SlackWorkspace(document!, secrets!));
    }

    private static void Add<T>(ResourceRecord record, List<T> into, List<string> errors)
        where T : class
    {
        if (ConfigurationJson.Read<T>(record.Document) is { } document)
        {
            into.Add(document);
        }
        else
        {
            errors.Add($"{record.Kind} {record.Id}: the stored document cannot be read");
        }
    }

    private static ChatTarget TargetOf(ChannelConfigurationDocument c, ChannelSecrets? secrets) => c.TargetType switch
    {
        TargetTypes.SlackChannel => new SlackChannelTarget(c.SlackTeamId!, c.SlackChannelId!, c.SlackChannelName),
        TargetTypes.TeamsChannel => new TeamsChannelTarget(c.TenantId!, c.TeamId!, c.ChannelId!, c.ChannelName, secrets?.WebhookUrl),
        TargetTypes.SlackWebhook => new SlackWebhookTarget(c.ChatConfigurationArn, secrets!.WebhookUrl!),
        TargetTypes.ChimeWebhook => new ChimeWebhookTarget(c.ChatConfigurationArn, secrets!.WebhookUrl!),
        TargetTypes.Webhook => new WebhookTarget(c.ChatConfigurationArn, secrets!.WebhookUrl!, secrets.SigningSecret),
        _ => new ConsoleInboxTarget(c.InboxName!),
    };
}
