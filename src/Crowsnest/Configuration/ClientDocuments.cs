namespace Crowsnest.Configuration;

/// <summary>A Slack workspace registered with Crowsnest (document of kind <see cref="ResourceKinds.SlackWorkspace"/>).</summary>
public sealed record SlackWorkspaceDocument
{
    public required string SlackTeamId { get; init; }

    public required string SlackTeamName { get; init; }

    public string State { get; init => field = value ?? "ENABLED"; } = "ENABLED";

    public string? StateReason { get; init; }

    /// <summary>Whether Crowsnest receives this workspace's events over Socket Mode (needs <see cref="SlackWorkspaceSecrets.AppToken"/>).</summary>
    public bool SocketMode { get; init; }
}

/// <summary>The secrets of a Slack workspace.</summary>
public sealed record SlackWorkspaceSecrets
{
    /// <summary>The bot token (<c>xoxb-...</c>).</summary>
    public required string BotToken { get; init; }

    /// <summary>The app's signing secret (verifies Slack's requests).</summary>
    public required string SigningSecret { get; init; }

    /// <summary>The app-level token (<c>xapp-...</c>, scope <c>connections:write</c>) that opens Socket Mode connections; optional.</summary>
    public string? AppToken { get; init; }
}

/// <summary>A Microsoft Teams team known to Crowsnest (kind <see cref="ResourceKinds.TeamsTeam"/>).</summary>
public sealed record TeamsTeamDocument
{
    public required string TenantId { get; init; }

    public required string TeamId { get; init; }

    public string? TeamName { get; init; }

    public string State { get; init => field = value ?? "ENABLED"; } = "ENABLED";

    public string? StateReason { get; init; }
}

/// <summary>Account-wide preferences (kind <see cref="ResourceKinds.AccountPreferences"/>, id <c>account</c>).</summary>
public sealed record AccountPreferencesDocument
{
    /// <summary>The single record's id.</summary>
    public const string Id = "account";

    public bool UserAuthorizationRequired { get; init; }

    public bool TrainingDataCollectionEnabled { get; init; }
}

/// <summary>A custom action in AWS Chatbot's shape (kind <see cref="ResourceKinds.CustomAction"/>).</summary>
public sealed record CustomActionDocument
{
    public required string CustomActionArn { get; init; }

    public required string ActionName { get; init; }

    public required CustomActionDefinition Definition { get; init; }

    public string? AliasName { get; init; }

    public IReadOnlyList<CustomActionAttachment> Attachments { get; init => field = value ?? []; } = [];
}

/// <summary>The command a custom action runs.</summary>
public sealed record CustomActionDefinition(string CommandText);

/// <summary>Where a custom action's button appears.</summary>
public sealed record CustomActionAttachment
{
    public string? NotificationType { get; init; }

    public string? ButtonText { get; init; }

    public IReadOnlyList<CustomActionAttachmentCriteria> Criteria { get; init => field = value ?? []; } = [];

    public IReadOnlyDictionary<string, string> Variables { get; init => field = value ?? new Dictionary<string, string>(); } = new Dictionary<string, string>();
}

/// <summary>A condition on a notification's variable.</summary>
public sealed record CustomActionAttachmentCriteria(string Operator, string VariableName, string? Value);

/// <summary>A chat user's identity mapping (kind <see cref="ResourceKinds.UserIdentity"/>).</summary>
public sealed record UserIdentityDocument
{
    public required string ChatConfigurationArn { get; init; }

    /// <summary><c>slack</c> or <c>teams</c>.</summary>
    public required string Platform { get; init; }

    public required string UserId { get; init; }

    public required string IamRoleArn { get; init; }

    public string? SlackTeamId { get; init; }

    public string? TeamId { get; init; }

    public string? TenantId { get; init; }

    public string? TeamsChannelId { get; init; }

    public string? AwsUserIdentity { get; init; }
}
