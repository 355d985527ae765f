using System.CommandLine;
using Crowsnest.Host.Cli.Admin;

namespace Crowsnest.Host.Cli;

/// <summary>The <c>crowsnest</c> command line: every subcommand is registered here, explicitly.</summary>
internal static class CrowsnestCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Crowsnest: self-hosted ChatOps for AWS.");
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(RenderCommand.Create());
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(AwsCommand.Create());
        root.Subcommands.Add(ConfigurationCommands.Create());
        root.Subcommands.Add(OtherCommands.Workspaces());
        root.Subcommands.Add(OtherCommands.Keys());
        root.Subcommands.Add(OtherCommands.Subscriptions());
        root.Subcommands.Add(OtherCommands.DeadLetters());
        root.Subcommands.Add(OtherCommands.Audit());
        root.Subcommands.Add(OtherCommands.Secrets());
        root.Subcommands.Add(SourceCommands.Create());
        root.Subcommands.Add(PolicyCommand.Create());
        // The web host handles SIGINT/SIGTERM itself and finishes in-flight work; do not let the parser kill it early.
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
