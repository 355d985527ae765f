using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Crowsnest.Testing;

namespace Crowsnest.Tests.TestKit;

/// <summary>The emulators run as a process (<c>Crowsnest.TestKit all --port N</c>) for the demo and the benchmarks.</summary>
public sealed class ProcessModeTests
{
    [Fact]
    public async Task All_emulators_serve_on_one_port_with_faults_from_the_command_line()
    {
        var port = FreePort.Next();
        var ready = Path.Combine(Path.GetTempPath(), $"crowsnest-emulator-{Guid.NewGuid():N}.url");
        var dll = Path.Combine(AppContext.BaseDirectory, "Crowsnest.TestKit.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "all", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ready-file", ready, "--webhook", "C01ALERTS", "--error-rate", "0.5", "--seed", "1" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = new List<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Add(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // Waiting for a process to start listening is the one wait here; the test asserts nothing about time.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!File.Exists(ready) && !process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            Assert.True(File.Exists(ready), "the emulator process did not start");
            var baseUrl = new Uri(await File.ReadAllTextAsync(ready));
            Assert.Equal(port, baseUrl.Port);

            using var http = new HttpClient();
            var statuses = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "api/auth.test"));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "xoxb-1-emulator-bot-token");
                using var response = await http.SendAsync(request);
                statuses.Add((int)response.StatusCode);
            }
            Assert.Contains(200, statuses);
            Assert.Contains(statuses, s => s >= 500);

            var status = JsonNode.Parse(await http.GetStringAsync(new Uri(baseUrl, "_emulator/status")))!;
            Assert.Equal(["slack", "teams", "chime", "webhook"], status["modules"]!.AsArray().Select(m => m!.GetValue<string>()));
            Assert.Equal(20, status["stats"]!["total"]!.GetValue<long>());
            lock (output)
            {
                Assert.Contains(output, line => line.StartsWith("slack webhook C01ALERTS http://127.0.0.1:", StringComparison.Ordinal));
                Assert.Contains(output, line => line.StartsWith("teams webhook http://127.0.0.1:", StringComparison.Ordinal));
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            File.Delete(ready);
        }
    }
}
