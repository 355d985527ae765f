using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Messages;

namespace Crowsnest.Commands.Chat.Shortcuts.ShowLogs;

/// <summary>
/// The <c>show-logs</c> shortcut behind the alarms' "Show logs" buttons: authorized as <c>logs:StartQuery</c> (and
/// each poll as <c>logs:GetQueryResults</c>, by the chat flow), run without confirmation (a query changes nothing),
/// polled to completion, answered with the entries.
/// </summary>
public sealed class ShowLogsShortcut(LogsInsightsRunner runner) : IChatShortcut
{
    /// <inheritdoc />
    public bool Matches(string text) => ShortcutText.StartsWith(text, ShowLogsRequest.CommandName);

    /// <inheritdoc />
    public Task<ShortcutOutcome> ResolveAsync(ShortcutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parsed = Read(request.Text, out var error);
        return Task.FromResult<ShortcutOutcome>(parsed is null ? new ShortcutOutcome.Invalid(error!) : new ShortcutOutcome.Call(runner.StartQuery(parsed)));
    }

    /// <inheritdoc />
    public bool IsReadOnly(AwsCall call) => true;

    /// <inheritdoc />
    public Task<AwsResult> ExecuteAsync(AwsCall call, Func<AwsCall, CancellationToken, Task<AwsResult>> invoke, CancellationToken cancellationToken) =>
        runner.RunAsync(call, invoke, cancellationToken);

    /// <inheritdoc />
    public ChatMessage? RenderResult(ShortcutRequest request, AwsCall call, AwsResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(call);
        return Read(request.Text, out _) is { } parsed
            ? LogsReply.Render(parsed with { Region = parsed.Region ?? call.Region }, LogsInsightsRunner.Outcome(result))
            : null;
    }

    private static ShowLogsRequest? Read(string text, out string? error)
    {
        var words = ShortcutText.After(text, 1, out error);
        if (words is null)
        {
            return null;
        }
        var parsed = ShowLogsRequest.Parse(words);
        error = parsed.Error;
        return parsed.Request;
    }
}
