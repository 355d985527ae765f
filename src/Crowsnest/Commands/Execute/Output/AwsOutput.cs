using System.Text.Json.Nodes;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Commands.Execute.Output;

/// <summary>Renders a successful result as the AWS CLI would print it for the call's <c>--query</c> and <c>--output</c>.</summary>
public static class AwsOutput
{
    public static string Render(AwsCall call, JsonObject result)
    {
        JsonNode? shown = result;
        if (call.Output.Query is { } query)
        {
            shown = OutputQuery.Apply(result, query);
        }
        else if (result.Count == 0)
        {
            return ""; // the CLI prints nothing for an empty answer
        }
        return call.Output.Format switch
        {
            OutputFormat.Text => CliTextWriter.Write(shown),
            OutputFormat.Table => CliTableWriter.Write(call.OperationName, shown),
            _ => CliJsonWriter.Write(shown) + "\n",
        };
    }
}
