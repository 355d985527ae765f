namespace Crowsnest.Storage.Sql;

/// <summary>Every storage interface over one SQL database.</summary>
internal sealed class SqlStore : IStore
{
    private readonly SqlDatabase _database;
    private readonly InboxWriter _inboxWriter;
    private readonly Migrator _migrator;

    public SqlStore(SqlDialect dialect, ISecretProtector protector, TimeProvider time)
    {
        _database = new SqlDatabase(dialect, time);
        _inboxWriter = new InboxWriter(_database);
        _migrator = new Migrator(_database);
        Inbox = new SqlInboxStore(_database, _inboxWriter, Signals);
        Outbox = new SqlOutboxStore(_database, Signals.DeliveriesDue);
        Resources = new SqlResourceStore(_database, protector);
        Audit = new SqlAuditLog(_database);
        Aliases = new SqlAliasStore(_database);
        Credentials = new SqlCredentialStore(_database, protector);
        Subscriptions = new SqlSubscriptionStore(_database);
        Settings = new SqlSettingsStore(_database);
        Threads = new SqlThreadStore(_database);
        ChatState = new SqlChatStateStore(_database);
        DataProtectionKeys = new SqlDataProtectionKeys(_database);
    }

    public string Kind => _database.Dialect.Kind;

    public string Description => _database.Dialect.Describe();

    public IInboxStore Inbox { get; }

    public IOutboxStore Outbox { get; }

    public IResourceStore Resources { get; }

    public IAuditLog Audit { get; }

    public IAliasStore Aliases { get; }

    public ICredentialStore Credentials { get; }

    public ISubscriptionStore Subscriptions { get; }

    public ISettingsStore Settings { get; }

    public IThreadStore Threads { get; }

    public IChatStateStore ChatState { get; }

    public IDataProtectionKeyStore DataProtectionKeys { get; }

    public StoreSignals Signals { get; } = new();

    public Task MigrateAsync(CancellationToken cancellationToken) => _migrator.MigrateAsync(cancellationToken);

    public Task<StoreReadiness> CheckReadinessAsync(CancellationToken cancellationToken) => _migrator.CheckAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _inboxWriter.DisposeAsync();
        if (_database.Dialect is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
