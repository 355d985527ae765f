using System.Diagnostics;

namespace Crowsnest.Host.Tests.ControlPlane;

/// <summary>Runs a real client (node, aws) as a child process with a given environment and captures its output.</summary>
internal static class ExternalTool
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Crowsnest.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("The repository root (Crowsnest.slnx) was not found above the test binaries.");
    }

    public static async Task<Result> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryRoot(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in new[] { "AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL", "AWS_REGION", "AWS_DEFAULT_REGION" })
        {
            start.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The environment that points an AWS client at crowsnest with Crowsnest-issued keys (and no local AWS config).</summary>
    public static Dictionary<string, string> AwsEnvironment(ControlPlaneHost host, string? secret = null)
    {
        var config = Path.Combine(host.Host.DataDirectory, "aws-config");
        // AWS CLI v1 would otherwise fetch https:// parameter values (the Chime webhook URL) as remote files.
        File.WriteAllText(config, "[default]\ncli_follow_urlparam = false\n");
        return new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = host.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = secret ?? host.SecretAccessKey,
            ["AWS_DEFAULT_REGION"] = "us-east-2",
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(host.Host.DataDirectory, "no-credentials"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
            ["AWS_MAX_ATTEMPTS"] = "1",
            ["CROWSNEST_ENDPOINT"] = host.Host.BaseUrl,
        };
    }
}
