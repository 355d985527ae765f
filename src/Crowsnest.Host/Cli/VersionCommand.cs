using System.CommandLine;
using System.Reflection;

namespace Crowsnest.Host.Cli;

internal static class VersionCommand
{
    public static string Version =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    public static Command Create()
    {
        var command = new Command("version", "Print the Crowsnest version.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Output.WriteLine($"crowsnest {Version}");
            return 0;
        });
        return command;
    }
}
