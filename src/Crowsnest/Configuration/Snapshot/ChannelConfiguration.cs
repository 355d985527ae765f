using Crowsnest.Configuration.Filters;

namespace Crowsnest.Configuration.Snapshot;

/// <summary>A validated channel configuration, ready for routing: its document, target and compiled filter.</summary>
public sealed record ChannelConfiguration(ChannelConfigurationDocument Document, ChatTarget Target, CompiledEventFilter Filter)
{
    public string Arn => Document.ChatConfigurationArn;

    public string Name => Document.ConfigurationName;

    /// <summary>DISABLED configurations receive nothing.</summary>
    public bool Enabled => Document.State == "ENABLED";

    /// <summary>Whether events no type recognises are held rather than delivered generically.</summary>
    public bool HoldsUnrecognized => Document.UnrecognizedEvents == UnrecognizedEventPolicies.Hold;
}

/// <summary>A registered Slack workspace with its secrets (never log them).</summary>
public sealed record SlackWorkspace(SlackWorkspaceDocument Document, SlackWorkspaceSecrets Secrets)
{
    public string TeamId => Document.SlackTeamId;

    /// <summary>No secret in logs or exceptions.</summary>
    public override string ToString() => $"SlackWorkspace {{ TeamId = {TeamId} }}";
}
