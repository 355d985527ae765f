using System.Diagnostics;

namespace Crowsnest.LoadTest.Harness;

/// <summary>The AWS CLI (and other executables) found on PATH, run with moto's test credentials.</summary>
internal static class AwsCli
{
    public static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>Runs <c>aws</c> with <paramref name="arguments"/>; returns its exit code and standard error.</summary>
    public static async Task<(int Exit, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("aws") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await Task.WhenAll(output, error);
        await process.WaitForExitAsync();
        return (process.ExitCode, await error);
    }
}
