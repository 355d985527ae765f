using System.Globalization;
using Crowsnest.Commands.Execute.Output;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;

namespace Crowsnest.Commands.Chat;

/// <summary>The messages the command handler posts (neutral markdown; every platform renders them).</summary>
public static class ChatReplies
{
    /// <summary>The event type of every command reply.</summary>
    public const string EventType = "command.reply";

    /// <summary>A plain reply.</summary>
    public static ChatMessage Text(string title, string? text = null, Severity severity = Severity.Info) => new()
    {
        EventType = EventType,
        Title = title,
        Severity = severity,
        Sections = text is null ? [] : [new MessageSection(null, text)],
    };

    /// <summary>Help from the models, as a code block.</summary>
    public static ChatMessage Help(string text) => Text("Crowsnest help", Code(text));

    /// <summary>A command that does not parse, with the parser's hints.</summary>
    public static ChatMessage Invalid(string message, IReadOnlyList<string> hints) =>
        Text("I could not read that command", hints.Count == 0 ? message : $"{message}\n{string.Join("\n", hints)}", Severity.Low);

    /// <summary>A refusal with the deciding policy's sentence.</summary>
    public static ChatMessage Denied(string command, string reason) =>
        Text($"I did not run {Quote(command)}", reason, Severity.Medium);

    /// <summary>The confirmation for a command that changes resources: exact command, account, region, role and buttons.</summary>
    public static ChatMessage Confirmation(string command, string account, string region, string roleArn, string pendingId, string userId, DateTimeOffset expiresAt) => new()
    {
        EventType = EventType,
        Title = "Confirm this command",
        Severity = Severity.Medium,
        Summary = $"This command changes resources. Only the user who asked (<@{userId}>) can run it, until {expiresAt.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)}.",
        Sections = [new MessageSection(null, Code("aws " + command))],
        Fields = [new MessageField("Account", account), new MessageField("Region", region), new MessageField("Role", roleArn, IsShort: false)],
        Buttons =
        [
            new MessageButton("Run", ChatDialogActions.Confirm, pendingId, ButtonStyle.Primary),
            new MessageButton("Cancel", ChatDialogActions.Cancel, pendingId, ButtonStyle.Danger),
        ],
    };

    /// <summary>What a confirmation becomes once answered or expired (buttons gone).</summary>
    public static ChatMessage Answered(string command, string outcome) => Text(outcome, Code("aws " + command));

    /// <summary>A question for one missing required parameter: buttons for an enum, otherwise a text reply in the thread.</summary>
    public static ChatMessage Prompt(string command, string option, IReadOnlyList<string> choices, string pendingId) => new()
    {
        EventType = EventType,
        Title = $"{option} is required",
        Summary = choices.Count > 0 && choices.Count <= 25
            ? $"Choose the value of `{option}` for {Quote(command)}:"
            : $"Reply in this thread with the value of `{option}` for {Quote(command)}.",
        Sections = choices.Count > 25 ? [new MessageSection("Allowed values", string.Join(", ", choices))] : [],
        Buttons = choices.Count is > 0 and <= 25 ? [.. choices.Select(c => new MessageButton(c, ChatDialogActions.PromptValue, $"{pendingId}|{c}"))] : [],
    };

    /// <summary>The account question when several configurations share the channel.</summary>
    public static ChatMessage AccountChoice(IReadOnlyList<ChannelConfiguration> configurations, string pendingId) => new()
    {
        EventType = EventType,
        Title = "Which account?",
        Summary = "This channel runs commands in several AWS accounts. Choose one; I will remember it for this channel for 7 days "
            + "(change it with `set default-account <account>`).",
        Buttons = [.. configurations.Select(c => new MessageButton($"{ChatChannels.AccountOf(c)} ({c.Name})", ChatDialogActions.ChooseAccount, $"{pendingId}|{c.Arn}"))],
    };

    /// <summary>AWS Chatbot's wording for a finished command, with the output as a code block (cut, with the full text attached).</summary>
    public static ChatMessage Ran(string command, bool readOnly, string account, string region, ChatOutput output) => new()
    {
        EventType = EventType,
        Title = $"I ran the {(readOnly ? "read-only " : "")}command {Quote("aws " + command)}",
        Severity = Severity.Success,
        Summary = $"Account {account}, region {region}.",
        Sections = [new MessageSection(null, output.Text.Length == 0 ? "(no output)" : Code(output.Text))],
        Attachments = output.Attachment is null ? [] : [new MessageAttachment("output.txt", "text/plain", output.Attachment)],
    };

    /// <summary>A command AWS (or the way to it) refused.</summary>
    public static ChatMessage Failed(string command, string account, string region, string code, string message) =>
        Text($"The command {Quote("aws " + command)} failed", $"{message}\n`{code}` (account {account}, region {region})", Severity.High);

    /// <summary>Posted when a command outlives <see cref="ChatHandlerOptions.StillRunningAfter"/>.</summary>
    public static ChatMessage StillRunning(string command, TimeSpan after) =>
        Text($"Still running {Quote("aws " + command)}",
            $"It has taken more than {after.TotalSeconds:0} seconds; I will post the result in this thread when it completes.");

    /// <summary>An unexpected error: only its id reaches chat.</summary>
    public static ChatMessage InternalError(string correlationId) =>
        Text("Something went wrong", $"The command was not completed. Ask an administrator to look for `{correlationId}` in Crowsnest's log.", Severity.High);

    internal static string Code(string text) => "```\n" + text.Replace("```", "`\u200b``", StringComparison.Ordinal) + "\n```";

    internal static string Quote(string command) => "`" + (command.Length > 200 ? command[..200] + "…" : command).Replace('`', '\'') + "`";
}
