using System.Diagnostics;
using System.Net;
using Crowsnest.Testing;
using Crowsnest.Testing.Sns;

namespace Crowsnest.Host.Tests.Intake;

public sealed class StoreUnavailableTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:db-down";

    [Fact]
    public async Task A_stopped_database_answers_503_so_sns_retries_and_nothing_acknowledged_is_lost()
    {
        var directory = TestHost.NewDataDirectory();
        var pinned = Path.Combine(directory, "pinned");
        using var signer = new SnsTestSigner("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-db.pem");
        signer.PinInto(pinned);
        await using var postgres = await ScratchPostgres.StartAsync(Path.Combine(directory, "pg"));
        await using var host = await TestHost.StartAsync(new()
        {
            ["Store:Kind"] = "postgres",
            ["Store:ConnectionString"] = postgres.ConnectionString,
            ["Sns:PinnedCertificates"] = pinned,
        }, directory);
        var before = signer.Notification(Topic, "before", messageId: Guid.NewGuid().ToString());
        var during = signer.Notification(Topic, "during", messageId: Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.OK, (await IntakeHttp.PostAsync(host.Http, "/sns", before)).Status);

        await postgres.StopAsync();
        var (status, reason) = await IntakeHttp.PostAsync(host.Http, "/sns", during);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("store", reason, StringComparison.Ordinal);

        await postgres.StartAgainAsync();
        var retried = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 20 && retried != HttpStatusCode.OK; attempt++)
        {
            retried = (await IntakeHttp.PostAsync(host.Http, "/sns", during)).Status; // SNS retries a 5xx the same way
        }
        Assert.Equal(HttpStatusCode.OK, retried);
        Assert.Equal((HttpStatusCode.OK, "duplicate\n"), await IntakeHttp.PostAsync(host.Http, "/sns", before));
    }

    /// <summary>A PostgreSQL cluster of this test's own, so it can be stopped (initdb refuses root: run as postgres).</summary>
    private sealed class ScratchPostgres : IAsyncDisposable
    {
        private readonly string _directory;
        private readonly string _bin;
        private readonly int _port;

        private ScratchPostgres(string directory, string bin, int port)
        {
            _directory = directory;
            _bin = bin;
            _port = port;
        }

        public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Timeout=3;Command Timeout=5";

        public static async Task<ScratchPostgres> StartAsync(string directory)
        {
            var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => d, StringComparer.Ordinal).Last() + "/bin";
            Directory.CreateDirectory(directory);
            await RunAsync("chown", "postgres", directory);
            var server = new ScratchPostgres(directory, bin, FreePort.Next());
            await server.AsPostgresAsync($"{bin}/initdb -D '{directory}' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8");
            await server.StartAgainAsync();
            return server;
        }

        public Task StartAgainAsync() =>
            AsPostgresAsync($"{_bin}/pg_ctl -D '{_directory}' -l '{_directory}/log' -o \"-c listen_addresses=127.0.0.1 -p {_port} -k '{_directory}' -c fsync=off\" -w start");

        public Task StopAsync() => AsPostgresAsync($"{_bin}/pg_ctl -D '{_directory}' -m immediate -w stop");

        private Task AsPostgresAsync(string command) => RunAsync("su", "postgres", "-s", "/bin/bash", "-c", command);

        private static async Task RunAsync(string file, params string[] arguments)
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed: {await output}{await error}");
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await StopAsync();
            }
            catch (Xunit.Sdk.TrueException)
            {
                // already stopped
            }
        }
    }
}
