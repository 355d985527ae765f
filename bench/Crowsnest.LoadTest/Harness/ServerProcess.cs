using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Crowsnest.LoadTest.Harness;

/// <summary>
/// <c>crowsnest serve</c> (or any dll) as a child process on 127.0.0.1: readiness, SIGKILL, CPU seconds and peak RSS
/// from <c>/proc</c>, and the tail of its output for diagnostics.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, int port)
    {
        Process = process;
        Port = port;
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public int Port { get; }

    public Uri BaseUrl { get; }

    public bool HasExited => Process.HasExited;

    /// <summary>Starts <c>crowsnest serve</c> on <paramref name="port"/> with <paramref name="dataDirectory"/>.</summary>
    public static ServerProcess StartCrowsnest(string hostDll, string dataDirectory, int port, IReadOnlyDictionary<string, string>? environment = null, params string[] extra) =>
        Start(hostDll, environment, ["serve", "--listen", $"http://127.0.0.1:{port}", "--data-dir", dataDirectory, .. extra], port);

    /// <summary>Starts <c>dotnet exec dll arguments</c>.</summary>
    public static ServerProcess Start(string dll, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> arguments, int port) =>
        StartExecutable("dotnet", ["exec", dll, .. arguments], environment, port);

    /// <summary>Starts any executable that will listen on <paramref name="port"/>.</summary>
    public static ServerProcess StartExecutable(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, int port)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        return new ServerProcess(Process.Start(start)!, port);
    }

    /// <summary>Waits until <paramref name="path"/> answers 2xx (or the process exits, or the deadline passes).</summary>
    public async Task WaitReadyAsync(string path = "/readyz", TimeSpan? within = null)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.GetTimestamp() + (long)((within ?? TimeSpan.FromSeconds(90)).TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {Process.ExitCode} before it was ready:\n{Tail()}");
            }
            try
            {
                using var answer = await http.GetAsync(new Uri(BaseUrl, path));
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"the server on {BaseUrl} was not ready in time:\n{Tail()}");
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
        }
        await Process.WaitForExitAsync();
    }

    /// <summary>User + system CPU seconds the process has used so far (Linux <c>/proc/pid/stat</c>).</summary>
    public double CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Process.Id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After the command name: field 3 is state, so utime (14) and stime (15) are at 11 and 12.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>Peak resident set size in MiB (<c>VmHWM</c>).</summary>
    public double PeakRssMiB()
    {
        try
        {
            var line = File.ReadLines($"/proc/{Process.Id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? double.NaN : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    /// <summary>The last lines it printed.</summary>
    public string Tail(int lines = 30)
    {
        lock (_output)
        {
            return string.Join('\n', _output.ToString().Split('\n').TakeLast(lines));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
        }
        Process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            if (_output.Length > 256 * 1024)
            {
                _output.Remove(0, 128 * 1024);
            }
            _output.AppendLine(line);
        }
    }
}
