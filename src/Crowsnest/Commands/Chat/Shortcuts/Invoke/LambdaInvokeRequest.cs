using System.Text.Json;
using Crowsnest.Commands.Parse;
using Crowsnest.Notifications.Actions;

namespace Crowsnest.Commands.Chat.Shortcuts.Invoke;

/// <summary>
/// <c>invoke &lt;function&gt; [--payload {json}] [--qualifier &lt;version|alias&gt;] [--region &lt;region&gt;]</c>: runs a
/// Lambda function synchronously with its log tail (<c>lambda invoke --log-type Tail</c>). Invoking is not read-only,
/// so the command flow asks for confirmation first.
/// </summary>
/// <param name="FunctionName">Name, ARN or partial ARN of the function.</param>
/// <param name="Payload">The JSON event, or null for none.</param>
/// <param name="Qualifier">A version or alias, or null.</param>
/// <param name="Region">The region; null for the configuration's default.</param>
public sealed record LambdaInvokeRequest(string FunctionName, string? Payload, string? Qualifier, string? Region)
{
    /// <summary>The shortcut's first word.</summary>
    public const string CommandName = "invoke";

    /// <summary>How the command is written.</summary>
    public const string Usage = "invoke <function> [--payload {json}] [--qualifier <version-or-alias>] [--region <region>]";

    /// <summary>Reads the words after <see cref="CommandName"/>.</summary>
    public static ShortcutParse<LambdaInvokeRequest> Parse(IReadOnlyList<string> words)
    {
        var args = ShortcutArguments.Read(words);
        if (args.Error is { } error)
        {
            return Fail(error);
        }
        if (args.Unknown("payload", "qualifier", "region") is { Count: > 0 } unknown)
        {
            return Fail($"Unknown option {string.Join(", ", unknown)}.");
        }
        if (args.Positional.Count != 1)
        {
            return Fail(args.Positional.Count == 0 ? "Name the function." : "Name one function; quote a payload that has spaces.");
        }
        var payload = args.Get("payload");
        if (payload is not null && !IsJson(payload))
        {
            return Fail("--payload must be JSON, e.g. --payload '{\"key\": \"value\"}'.");
        }
        return ShortcutParse<LambdaInvokeRequest>.Ok(new LambdaInvokeRequest(args.Positional[0], payload, args.Get("qualifier"), args.Get("region")));
    }

    /// <summary>The <c>lambda invoke</c> command this request runs (with <c>--log-type Tail</c>), as chat text.</summary>
    public string ToAwsCommandText() =>
        $"lambda invoke --function-name {CommandTemplate.QuoteWord(FunctionName)} --log-type Tail"
        + (Payload is null ? "" : $" --payload {CommandTemplate.QuoteWord(Payload)}")
        + (Qualifier is null ? "" : $" --qualifier {CommandTemplate.QuoteWord(Qualifier)}")
        + (Region is null ? "" : $" --region {CommandTemplate.QuoteWord(Region)}");

    /// <summary>The AWS call, parsed against the Lambda model (for authorization, confirmation and execution).</summary>
    public ParseResult ToCall(ICommandParser parser)
    {
        ArgumentNullException.ThrowIfNull(parser);
        return parser.Parse(ToAwsCommandText());
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static ShortcutParse<LambdaInvokeRequest> Fail(string message) => ShortcutParse<LambdaInvokeRequest>.Fail($"{message} Usage: `{Usage}`");
}
