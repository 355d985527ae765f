using System.CommandLine;

namespace Crowsnest.Host.Cli;

/// <summary>The <c>crowsnest</c> command line: every subcommand is registered here, explicitly.</summary>
internal static class CrowsnestCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Crowsnest: self-hosted ChatOps for AWS.");
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(AwsCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }
}
