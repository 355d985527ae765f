using System.Diagnostics;

namespace Crowsnest.Testing;

/// <summary>
/// moto's AWS API emulator on 127.0.0.1. <see cref="SharedUrlAsync"/> reuses the one the test script started
/// (CROWSNEST_TEST_MOTO_URL) or starts one for this test run; <see cref="StartAsync"/> starts a private one, for
/// tests that need authentication on (moto checks SigV4 and IAM after the first <c>initialNoAuthActions</c> calls).
/// </summary>
internal sealed class MotoServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim SharedGate = new(1, 1);
    private static MotoServer? s_shared;
    private readonly Process _process;

    private MotoServer(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<string> SharedUrlAsync()
    {
        var fromScript = Environment.GetEnvironmentVariable("CROWSNEST_TEST_MOTO_URL");
        if (!string.IsNullOrEmpty(fromScript))
        {
            return fromScript;
        }
        await SharedGate.WaitAsync();
        try
        {
            if (s_shared is null)
            {
                s_shared = await StartAsync();
                // Nothing disposes the shared server: without this it outlives the test run (a `dotnet test` outside the
                // script left one moto_server behind per run).
                AppDomain.CurrentDomain.ProcessExit += (_, _) => s_shared.Kill();
            }
            return s_shared.Url;
        }
        finally
        {
            SharedGate.Release();
        }
    }

    public static async Task<MotoServer> StartAsync(int? initialNoAuthActions = null)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo("moto_server", $"-H 127.0.0.1 -p {port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (initialNoAuthActions is { } count)
        {
            start.Environment["INITIAL_NO_AUTH_ACTION_COUNT"] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start; run the test script, which installs it.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {process.ExitCode}.");
            }
            try
            {
                using var answer = await http.GetAsync(new Uri(url + "/moto-api/"));
                if (answer.IsSuccessStatusCode)
                {
                    return new MotoServer(process, url);
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("moto_server was not ready within 30 seconds.");
    }

    /// <summary>Forgets every resource in the server (POST /moto-api/reset).</summary>
    public static Task ResetAsync(string url) => PostControlAsync(url, "/moto-api/reset", null);

    /// <summary>Posts JSON to moto's control API (for example <c>/moto-api/config</c>) and requires success.</summary>
    public Task PostControlAsync(string path, string json) => PostControlAsync(Url, path, json);

    // moto's werkzeug handlers read a body only when its length is declared, so it is sent as a sized string.
    private static async Task PostControlAsync(string url, string path, string? json)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var content = json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var answer = await http.PostAsync(new Uri(url + path), content);
        answer.EnsureSuccessStatusCode();
    }

    private void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
