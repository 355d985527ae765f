namespace Crowsnest.Storage;

/// <summary>The whole store: one database (SQLite file or PostgreSQL) behind every storage interface.</summary>
public interface IStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Kind { get; }

    /// <summary>The notification inbox.</summary>
    IInboxStore Inbox { get; }

    /// <summary>The delivery outbox.</summary>
    IOutboxStore Outbox { get; }

    /// <summary>Configurations, chat clients, custom actions and their tags.</summary>
    IResourceStore Resources { get; }

    /// <summary>The audit log.</summary>
    IAuditLog Audit { get; }

    /// <summary>Command aliases.</summary>
    IAliasStore Aliases { get; }

    /// <summary>Issued API credentials.</summary>
    ICredentialStore Credentials { get; }

    /// <summary>SNS subscriptions.</summary>
    ISubscriptionStore Subscriptions { get; }

    /// <summary>Small settings.</summary>
    ISettingsStore Settings { get; }

    /// <summary>Thread anchors.</summary>
    IThreadStore Threads { get; }

    /// <summary>Pending chat dialogues and chat delivery ids already taken.</summary>
    IChatStateStore ChatState { get; }

    /// <summary>Raised in this process after commits that add due work, so idle workers need not wait for their poll.</summary>
    StoreSignals Signals { get; }

    /// <summary>Applies pending migrations (idempotent; safe when several instances start at once).</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Whether the database answers and every migration is applied; the reason when not.</summary>
    Task<StoreReadiness> CheckReadinessAsync(CancellationToken cancellationToken);
}

/// <summary>The answer of a readiness check.</summary>
public sealed record StoreReadiness(bool Ready, string Detail);
