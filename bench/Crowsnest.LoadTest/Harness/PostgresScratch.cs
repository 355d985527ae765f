using Npgsql;

namespace Crowsnest.LoadTest.Harness;

/// <summary>A fresh database on the scratch PostgreSQL server bench/run-all starts (<c>--postgres</c>).</summary>
internal static class PostgresScratch
{
    public static async Task<string> CreateDatabaseAsync(string server, string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Runs a shell command (the scratch server's pg_ctl start or stop) and waits for it.</summary>
    public static async Task<int> ShellAsync(string command)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash") { ArgumentList = { "-c", command }, RedirectStandardOutput = true })!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }
}
