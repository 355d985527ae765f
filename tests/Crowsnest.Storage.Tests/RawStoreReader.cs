using System.Text;
using Npgsql;

namespace Crowsnest.Storage.Tests;

/// <summary>Looks for a string in what the database really holds: the SQLite file bytes, or every text and bytea column in PostgreSQL.</summary>
internal static class RawStoreReader
{
    public static async Task<bool> ContainsAsync(IStore store, string rawLocation, string needle)
    {
        if (store.Kind == "sqlite")
        {
            // Read the main file and the WAL, where recent commits live until a checkpoint.
            var bytes = new List<byte>();
            foreach (var path in new[] { rawLocation, rawLocation + "-wal" }.Where(File.Exists))
            {
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                using var memory = new MemoryStream();
                await stream.CopyToAsync(memory);
                bytes.AddRange(memory.ToArray());
            }
            return Encoding.UTF8.GetString(bytes.ToArray()).Contains(needle, StringComparison.Ordinal);
        }
        await using var connection = new NpgsqlConnection(rawLocation);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT COUNT(*) FROM resources WHERE document LIKE @p OR name LIKE @p OR encode(secrets, 'escape') LIKE @p) + " +
            "(SELECT COUNT(*) FROM api_credentials WHERE encode(secret, 'escape') LIKE @p OR name LIKE @p)",
            connection);
        command.Parameters.AddWithValue("p", "%" + needle + "%");
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }
}
