using System.Diagnostics;
using System.Net;
using Crowsnest.Testing;

namespace Crowsnest.Host.Tests;

public sealed class ProcessTests
{
    [Fact]
    public async Task An_unknown_store_kind_stops_the_process_with_one_clear_message()
    {
        await using var crowsnest = CrowsnestProcess.Start(TestHost.NewDataDirectory(), "serve", "--store", "mysql", "--listen", $"http://127.0.0.1:{FreePort.Next()}");

        var exitCode = await crowsnest.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, exitCode);
        Assert.Equal("crowsnest: Store:Kind: unknown store kind 'mysql' (expected one of: sqlite, postgres).", crowsnest.Output.Trim());
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        await using var crowsnest = CrowsnestProcess.Start(TestHost.NewDataDirectory(), "version");

        Assert.Equal(0, await crowsnest.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Matches(@"^crowsnest \d+\.\d+\.\d+", crowsnest.Output.Trim());
    }

    [Fact]
    public async Task Serve_answers_ready_and_stops_cleanly_on_sigterm()
    {
        var port = FreePort.Next();
        var directory = TestHost.NewDataDirectory();
        await using var crowsnest = CrowsnestProcess.Start(directory, "serve", "--listen", $"http://127.0.0.1:{port}");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        var ready = await PollAsync(http, $"http://127.0.0.1:{port}/readyz", TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, ready);
        Assert.True(File.Exists(Path.Combine(directory, "data", "crowsnest.db")));

        using (var term = Process.Start("kill", ["-TERM", crowsnest.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        Assert.Equal(0, await crowsnest.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Store closed.", crowsnest.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_logs_are_one_json_object_per_line()
    {
        var port = FreePort.Next();
        await using var crowsnest = CrowsnestProcess.Start(TestHost.NewDataDirectory(), "serve", "--listen", $"http://127.0.0.1:{port}", "--log-format", "json");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        Assert.Equal(HttpStatusCode.OK, await PollAsync(http, $"http://127.0.0.1:{port}/readyz", TimeSpan.FromSeconds(60)));

        using (var term = Process.Start("kill", ["-TERM", crowsnest.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }
        Assert.Equal(0, await crowsnest.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        var lines = crowsnest.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            using var entry = System.Text.Json.JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Timestamp", out _), line);
        });
        Assert.Contains(lines, l => l.Contains("Store closed.", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode?> PollAsync(HttpClient http, string url, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri(url));
                return answer.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        return null;
    }
}
