using System.CommandLine;
using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Execute.Output;
using Crowsnest.Commands.Parse;
using CommandParse = Crowsnest.Commands.Parse.ParseResult;

namespace Crowsnest.Host.Cli;

/// <summary>
/// <c>crowsnest aws &lt;service&gt; &lt;operation&gt; [options]</c>: runs one command through the same parser and invoker
/// that serve chat, with the default credential chain and the AWS_ENDPOINT_URL* / AWS_REGION environment.
/// </summary>
internal static class AwsCommand
{
    public static Command Create()
    {
        var words = new Argument<string[]>("command") { Arity = ArgumentArity.ZeroOrMore, Description = "<service> <operation> [options], as with the AWS CLI." };
        var command = new Command("aws", "Run an AWS CLI-style command through Crowsnest's AWS engine (for trying it out).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Arguments.Add(words);
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var tokens = (parse.GetValue(words) ?? []).Concat(parse.UnmatchedTokens).ToList();
            var catalog = ServiceCatalog.OpenDefault();
            switch (new CommandParser(catalog).Parse(tokens))
            {
                case CommandParse.Help help:
                    await output.WriteLineAsync(help.Text);
                    return 0;
                case CommandParse.Invalid invalid:
                    await error.WriteLineAsync(invalid.ToString());
                    return 252;
                case CommandParse.Parsed parsed:
                    return await RunAsync(parsed.Call, output, error, ct);
                default:
                    return 1;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(AwsCall call, TextWriter output, TextWriter error, CancellationToken ct)
    {
        using var http = new HttpClient();
        var invoker = new AwsInvoker(http, new AwsInvokerOptions());
        var result = await invoker.InvokeAsync(call, await AwsCredentials.FromDefaultChainAsync(), ct);
        if (result is AwsResult.Failure failure)
        {
            await error.WriteLineAsync($"An error occurred ({failure.Error.Code}) when calling the {call.OperationName} operation: {failure.PlainMessage}");
            return 254;
        }
        await output.WriteAsync(AwsOutput.Render(call, ((AwsResult.Success)result).Output));
        return 0;
    }
}
