using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Commands.Execute.Output;

/// <summary>
/// The chat form of a result: for plain JSON output, key fields first (a line per listed item with its name, id and
/// state), then the CLI's JSON; cut to chat size with the full text attached. With --query or --output, the CLI's text.
/// </summary>
public static class ChatSummary
{
    private static readonly string[] KeySuffixes = ["Name", "Id", "StateValue", "State", "Status", "Arn"];

    public static ChatOutput Render(AwsCall call, JsonObject result, int limit = ChatOutput.DefaultLimit)
    {
        var full = AwsOutput.Render(call, result);
        if (call.Output.Query is not null || call.Output.Format != OutputFormat.Json)
        {
            return ChatOutput.From(full, limit);
        }
        var summary = KeyFields(result);
        if (summary.Length == 0)
        {
            return ChatOutput.From(full, limit);
        }
        var body = ChatOutput.From(summary, limit);
        return body with { Attachment = full, OmittedLines = body.OmittedLines };
    }

    private static string KeyFields(JsonObject result)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in result)
        {
            if (value is not JsonArray list || list.Count == 0 || list[0] is not JsonObject)
            {
                continue;
            }
            sb.Append(key).Append(": ").Append(list.Count).Append('\n');
            foreach (var item in list.OfType<JsonObject>())
            {
                var fields = KeySuffixes
                    .SelectMany(suffix => item.Where(p => p.Key.EndsWith(suffix, StringComparison.Ordinal) && p.Value is JsonValue))
                    .DistinctBy(p => p.Key)
                    .Take(3)
                    .Select(p => CliTextWriter.Scalar(p.Value));
                sb.Append("• ").AppendJoin("  ", fields).Append('\n');
            }
        }
        return sb.ToString();
    }
}
