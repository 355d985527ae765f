using Crowsnest.Storage.Postgres;
using Crowsnest.Storage.Sql;
using Crowsnest.Storage.Sqlite;

namespace Crowsnest.Storage;

/// <summary>Opens the configured store: a SQLite file (embedded default) or PostgreSQL (shared by several instances).</summary>
public static class StoreFactory
{
    /// <summary>The store kinds Crowsnest knows.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["sqlite", "postgres"];

    /// <summary>Opens a SQLite store at <paramref name="path"/>, creating its folder; <paramref name="inboxSync"/> says how inbox commits reach the disk.</summary>
    public static IStore OpenSqlite(string path, ISecretProtector protector, TimeProvider time, SqliteSync inboxSync = SqliteSync.Full)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        return new SqlStore(new SqliteDialect(path, inboxSync), protector, time);
    }

    /// <summary>Opens a PostgreSQL store.</summary>
    public static IStore OpenPostgres(string connectionString, ISecretProtector protector, TimeProvider time) =>
        new SqlStore(new PostgresDialect(connectionString), protector, time);

    /// <summary>The key-ring store of an open store.</summary>
    public static IDataProtectionKeyStore KeyStoreOf(IStore store) =>
        store is SqlStore sql ? sql.DataProtectionKeys : throw new ArgumentException("Not a Crowsnest SQL store.", nameof(store));

    /// <summary>Where the store is, for messages (never with a password).</summary>
    public static string Describe(IStore store) => store is SqlStore sql ? sql.Description : store.Kind;
}
