using Crowsnest.Commands.Authorize;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Storage;

namespace Crowsnest.Commands.Chat;

/// <summary>Everything the chat command handler works with.</summary>
public sealed record ChatHandlerDependencies
{
    /// <summary>The configuration snapshot in force.</summary>
    public required Func<ConfigSnapshot> Snapshot { get; init; }

    public required ICommandParser Parser { get; init; }

    public required IAuthorizer Authorizer { get; init; }

    public required IChatPolicyResolver Policies { get; init; }

    public required IUserRoleDirectory UserRoles { get; init; }

    public required IChatCredentials Credentials { get; init; }

    public required IAwsInvoker Invoker { get; init; }

    public required IAliasStore Aliases { get; init; }

    public required IAuditLog Audit { get; init; }

    public required IChatStateStore State { get; init; }

    public required ISettingsStore Settings { get; init; }

    /// <summary>Shortcut commands, asked in order before the parser (see <see cref="IChatShortcut"/>).</summary>
    public IReadOnlyList<IChatShortcut> Shortcuts { get; init; } = [];

    public ChatHandlerOptions Options { get; init; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Told about unexpected errors (with the correlation id the user sees); the host logs them.</summary>
    public Action<string, Exception>? OnError { get; init; }
}
