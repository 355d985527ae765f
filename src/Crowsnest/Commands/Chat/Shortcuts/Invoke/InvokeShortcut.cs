using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Messages;

namespace Crowsnest.Commands.Chat.Shortcuts.Invoke;

/// <summary>
/// The <c>invoke</c> shortcut: <c>lambda invoke</c> with the log tail, confirmed like any call that is not read-only,
/// answered with <see cref="LambdaInvokeReply"/>.
/// </summary>
public sealed class InvokeShortcut : IChatShortcut
{
    /// <inheritdoc />
    public bool Matches(string text) => ShortcutText.StartsWith(text, LambdaInvokeRequest.CommandName);

    /// <inheritdoc />
    public Task<ShortcutOutcome> ResolveAsync(ShortcutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ShortcutOutcome outcome = Read(request.Text, out var error) is not { } parsed
            ? new ShortcutOutcome.Invalid(error!)
            : parsed.ToCall(request.Parser) switch
            {
                ParseResult.Parsed p => new ShortcutOutcome.Call(p.Call),
                ParseResult.Invalid invalid => new ShortcutOutcome.Invalid(invalid.ToString()),
                _ => new ShortcutOutcome.Invalid($"Usage: `{LambdaInvokeRequest.Usage}`"),
            };
        return Task.FromResult(outcome);
    }

    /// <inheritdoc />
    public ChatMessage? RenderResult(ShortcutRequest request, AwsCall call, AwsResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Read(request.Text, out _) is { } parsed ? LambdaInvokeReply.Render(parsed, result) : null;
    }

    private static LambdaInvokeRequest? Read(string text, out string? error)
    {
        var words = ShortcutText.After(text, 1, out error);
        if (words is null)
        {
            return null;
        }
        var parsed = LambdaInvokeRequest.Parse(words);
        error = parsed.Error;
        return parsed.Request;
    }
}
