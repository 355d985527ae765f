using System.Collections.Frozen;
using Crowsnest.Storage;

namespace Crowsnest.Configuration.Snapshot;

/// <summary>
/// Everything routing needs, immutable and indexed once: configurations by ARN, by SNS topic and by intake source,
/// Slack workspaces with their secrets, Teams teams, custom actions and the account preferences.
/// </summary>
public sealed class ConfigSnapshot
{
    private readonly FrozenDictionary<string, ChannelConfiguration> _byArn;
    private readonly FrozenDictionary<string, ChannelConfiguration[]> _byTopic;
    private readonly FrozenDictionary<string, ChannelConfiguration[]> _bySource;
    private readonly FrozenDictionary<string, SlackWorkspace> _workspaces;
    private readonly FrozenDictionary<string, CustomActionDocument[]> _actionsByConfiguration;
    private readonly FrozenDictionary<string, CustomActionDocument[]> _actionsByTarget;

    internal ConfigSnapshot(
        long stamp,
        IReadOnlyList<ChannelConfiguration> configurations,
        IReadOnlyList<SlackWorkspace> workspaces,
        IReadOnlyList<TeamsTeamDocument> teams,
        IReadOnlyList<CustomActionDocument> customActions,
        AccountPreferencesDocument preferences,
        IReadOnlyList<ResourceAssociation>? associations = null)
    {
        Stamp = stamp;
        Configurations = configurations;
        Teams = teams;
        CustomActions = customActions;
        Preferences = preferences;
        _byArn = configurations.ToFrozenDictionary(c => c.Arn, StringComparer.Ordinal);
        _byTopic = Index(configurations, c => c.Document.SnsTopicArns);
        _bySource = Index(configurations, c => c.Document.Sources);
        _workspaces = workspaces.ToFrozenDictionary(w => w.TeamId, StringComparer.Ordinal);
        var actions = customActions.ToDictionary(a => a.CustomActionArn, StringComparer.Ordinal);
        _actionsByConfiguration = (associations ?? [])
            .Where(a => actions.ContainsKey(a.ResourceId))
            .GroupBy(a => a.ConfigurationId, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(a => actions[a.ResourceId]).ToArray(), StringComparer.Ordinal);
        _actionsByTarget = configurations
            .Where(c => _actionsByConfiguration.ContainsKey(c.Arn))
            .GroupBy(c => c.Target.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.SelectMany(c => _actionsByConfiguration[c.Arn])
                    .DistinctBy(a => a.CustomActionArn, StringComparer.Ordinal)
                    .OrderBy(a => a.CustomActionArn, StringComparer.Ordinal)
                    .ToArray(),
                StringComparer.Ordinal);
    }

    /// <summary>The snapshot before anything is loaded.</summary>
    public static ConfigSnapshot Empty { get; } = new(-1, [], [], [], [], new AccountPreferencesDocument());

    /// <summary>The store's change stamp this snapshot was built from.</summary>
    public long Stamp { get; }

    /// <summary>Every configuration, enabled or not, ordered by ARN.</summary>
    public IReadOnlyList<ChannelConfiguration> Configurations { get; }

    public IReadOnlyList<TeamsTeamDocument> Teams { get; }

    public IReadOnlyList<CustomActionDocument> CustomActions { get; }

    public AccountPreferencesDocument Preferences { get; }

    /// <summary>The configurations that name an SNS topic (enabled or not; the router checks).</summary>
    public IReadOnlyList<ChannelConfiguration> ForTopic(string topicArn) =>
        _byTopic.TryGetValue(topicArn, out var found) ? found : [];

    /// <summary>The configurations that name an intake source (<c>events</c>, <c>webhooks/build</c>).</summary>
    public IReadOnlyList<ChannelConfiguration> ForSource(string source) =>
        _bySource.TryGetValue(source, out var found) ? found : [];

    /// <summary>Whether any configuration names the topic (decides SNS subscription confirmation).</summary>
    public bool NamesTopic(string topicArn) => _byTopic.ContainsKey(topicArn);

    /// <summary>A configuration by ARN, or null.</summary>
    public ChannelConfiguration? ByArn(string arn) => _byArn.GetValueOrDefault(arn);

    /// <summary>The custom actions associated with a configuration (AssociateToConfiguration), in ARN order.</summary>
    public IReadOnlyList<CustomActionDocument> CustomActionsFor(string configurationArn) =>
        _actionsByConfiguration.TryGetValue(configurationArn, out var found) ? found : [];

    /// <summary>
    /// The custom actions of a chat channel: those associated with any configuration that delivers to
    /// <paramref name="targetKey"/>, each once, in ARN order.
    /// </summary>
    public IReadOnlyList<CustomActionDocument> CustomActionsForTarget(string targetKey) =>
        _actionsByTarget.TryGetValue(targetKey, out var found) ? found : [];

    /// <summary>Every registered Slack workspace.</summary>
    public IReadOnlyList<SlackWorkspace> SlackWorkspaces => _workspaces.Values;

    /// <summary>A Slack workspace by team id, or null.</summary>
    public SlackWorkspace? SlackWorkspace(string teamId) => _workspaces.GetValueOrDefault(teamId);

    private static FrozenDictionary<string, ChannelConfiguration[]> Index(
        IReadOnlyList<ChannelConfiguration> configurations, Func<ChannelConfiguration, IReadOnlyList<string>> keys) =>
        configurations
            .SelectMany(c => keys(c).Select(k => (Key: k, Configuration: c)))
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Configuration).ToArray(), StringComparer.Ordinal);
}
