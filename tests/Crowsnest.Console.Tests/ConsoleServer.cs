using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Crowsnest.Testing;

namespace Crowsnest.Console.Tests;

/// <summary>The real <c>crowsnest serve</c> as a child process on a free loopback port, with a fresh data directory.</summary>
internal sealed partial class ConsoleServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;

    private ConsoleServer(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dataDirectory = dataDirectory;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server; <paramref name="environment"/> adds settings (<c>CROWSNEST_...</c> variables).</summary>
    public static async Task<ConsoleServer> StartAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "crowsnest-console-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Crowsnest.Host.dll"), "serve", "--listen", baseUrl, "--data-dir", dataDirectory })
        {
            start.ArgumentList.Add(argument);
        }
        var server = new ConsoleServer(Process.Start(start)!, baseUrl, dataDirectory);
        await server.WaitForAsync(() => server.SetupLinkOrNull() is not null, "the setup link in the log");
        return server;
    }

    /// <summary>The one-time setup link the first start printed.</summary>
    public string SetupLink => SetupLinkOrNull() ?? throw new InvalidOperationException("No setup link was printed:\n" + Output);

    private string? SetupLinkOrNull()
    {
        var match = SetupLinkPattern().Match(Output);
        return match.Success ? match.Value : null;
    }

    /// <summary>Polls a condition about the process until it holds (bounded), failing with the process output.</summary>
    public async Task WaitForAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (_process.HasExited || timeout.IsCancellationRequested)
            {
                throw new InvalidOperationException($"Waited in vain for {what}:\n{Output}");
            }
            await Task.Delay(50);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
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
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the temp cleaner.
        }
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/console/setup\?token=[A-Za-z0-9_-]+")]
    private static partial Regex SetupLinkPattern();
}
