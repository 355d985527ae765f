using System.Net;
using Crowsnest.Storage;

namespace Crowsnest.Host.Tests;

public sealed class ServeTests
{
    [Fact]
    public async Task A_fresh_start_creates_the_sqlite_file_and_answers_health_readiness_and_metrics()
    {
        await using var host = await TestHost.StartAsync();

        Assert.Equal("ok\n", await host.Http.GetStringAsync("/healthz"));
        var ready = await host.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Matches(@"schema version [1-9][0-9]*", await ready.Content.ReadAsStringAsync());
        Assert.True(File.Exists(Path.Combine(host.DataDirectory, "crowsnest.db")));
        var metrics = await host.Http.GetStringAsync("/metrics");
        Assert.Contains("# TYPE", metrics, StringComparison.Ordinal);
        Assert.Contains("http_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sqlite_file_is_in_wal_mode()
    {
        await using var host = await TestHost.StartAsync();
        var header = new byte[20];
        await using (var file = new FileStream(Path.Combine(host.DataDirectory, "crowsnest.db"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            await file.ReadExactlyAsync(header);
        }
        // Bytes 18 and 19 of the SQLite header are the file format versions: 2 means WAL.
        Assert.Equal(2, header[18]);
        Assert.Equal(2, header[19]);
    }

    [Fact]
    public async Task Every_bad_setting_is_reported_with_its_name()
    {
        var errors = await TestHost.StartupErrorsAsync(new()
        {
            ["Store:Kind"] = "mysql",
            ["Log:Format"] = "xml",
            ["Listen"] = "ftp://127.0.0.1:1",
        });

        Assert.Contains(errors, e => e.StartsWith("Store:Kind: unknown store kind 'mysql'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Log:Format:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Listen:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_postgres_fails_fast_naming_the_connection_string()
    {
        var port = Crowsnest.Testing.FreePort.Next();
        var errors = await TestHost.StartupErrorsAsync(new()
        {
            ["Store:Kind"] = "postgres",
            ["Store:ConnectionString"] = $"Host=127.0.0.1;Port={port};Username=postgres;Password=not-a-real-password;Timeout=2",
        });

        var error = Assert.Single(errors);
        Assert.StartsWith("Store:ConnectionString: cannot use the store:", error, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-password", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_runs_on_postgres()
    {
        var connectionString = await PostgresDatabase.CreateAsync();
        await using var host = await TestHost.StartAsync(new() { ["Store:Kind"] = "postgres", ["Store:ConnectionString"] = connectionString });

        var ready = await host.Http.GetStringAsync("/readyz");

        Assert.StartsWith("ready: PostgreSQL at 127.0.0.1", ready, StringComparison.Ordinal);
        Assert.Equal("postgres", host.Store.Kind);
    }

    [Fact]
    public async Task Secrets_survive_a_restart_and_never_reach_the_file_in_plaintext()
    {
        var data = TestHost.NewDataDirectory();
        const string secret = "xoxb-111-222-host-test-secret";
        var now = DateTimeOffset.UtcNow;
        await using (var first = await TestHost.StartAsync(dataDirectory: data))
        {
            await first.Store.Resources.CreateAsync(new ResourceRecord("slack-workspace", "T1", "acme", "{}", $"{{\"token\":\"{secret}\"}}", 0, now, now), CancellationToken.None);
        }
        await using var second = await TestHost.StartAsync(dataDirectory: data);

        var record = await second.Store.Resources.GetAsync("slack-workspace", "T1", CancellationToken.None);

        Assert.Contains(secret, record!.Secrets, StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(data, "crowsnest.db*"))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
    }
}
