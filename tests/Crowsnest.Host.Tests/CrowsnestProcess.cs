using System.Diagnostics;
using System.Text;

namespace Crowsnest.Host.Tests;

/// <summary>The real <c>crowsnest</c> executable as a child process (for exit codes, signals and crash tests).</summary>
internal sealed class CrowsnestProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _stdout = new();

    private CrowsnestProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data, toStdout: true);
        _process.ErrorDataReceived += (_, e) => Append(e.Data, toStdout: false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

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

    /// <summary>Standard output alone: the two streams arrive in no fixed order relative to each other.</summary>
    public string Stdout
    {
        get
        {
            lock (_output)
            {
                return _stdout.ToString();
            }
        }
    }

    public Process Process => _process;

    public static CrowsnestProcess Start(string workingDirectory, params string[] arguments) => Start(null, workingDirectory, arguments);

    /// <summary>Starts the executable with extra environment variables (settings such as <c>CROWSNEST_DELIVERY__LEASE</c>).</summary>
    public static CrowsnestProcess Start(IReadOnlyDictionary<string, string>? environment, string workingDirectory, params string[] arguments)
    {
        Directory.CreateDirectory(workingDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Crowsnest.Host.dll"));
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return new CrowsnestProcess(Process.Start(start)!);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    private void Append(string? line, bool toStdout)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
            if (toStdout)
            {
                _stdout.AppendLine(line);
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
    }
}
