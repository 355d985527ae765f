using Crowsnest.Commands.Parse;

namespace Crowsnest.Commands.Chat.Shortcuts.Support;

/// <summary>
/// <c>support create-case</c> as a guided dialogue. Each step is the chat flow's own prompt: the shortcut marks the
/// next unanswered option (<see cref="CreateCaseDialogue"/>) as missing, the flow asks it in the thread (with
/// severity buttons), adds the answer to the command and asks the shortcut again; once all are answered the call goes
/// to confirmation (creating a case is not read-only) and runs.
/// </summary>
public sealed class SupportCaseShortcut : IChatShortcut
{
    /// <inheritdoc />
    public bool Matches(string text) => ShortcutText.StartsWith(text, "support", "create-case");

    /// <inheritdoc />
    public Task<ShortcutOutcome> ResolveAsync(ShortcutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ShortcutOutcome outcome = request.Parser.Parse(request.Text) switch
        {
            ParseResult.Parsed parsed => Step(parsed.Call),
            ParseResult.Invalid invalid => new ShortcutOutcome.Invalid(invalid.ToString()),
            _ => new ShortcutOutcome.Invalid("Write `support create-case`; I will ask for the subject, service, category, severity and description."),
        };
        return Task.FromResult(outcome);
    }

    /// <inheritdoc />
    public ShortcutPrompt? Prompt(AwsCall call, string option) =>
        CreateCaseDialogue.ForOption(option) is { } question ? new ShortcutPrompt(question.Question, question.Choices) : null;

    private static ShortcutOutcome Step(AwsCall call)
    {
        var answers = CreateCaseDialogue.Questions.ToDictionary(q => q.Member, q => (string?)call.Input[q.Member], StringComparer.Ordinal);
        if (CreateCaseDialogue.Problem(answers) is { } problem)
        {
            return new ShortcutOutcome.Invalid(problem);
        }
        return new ShortcutOutcome.Call(CreateCaseDialogue.Next(answers) is { } next ? call with { MissingRequired = [next.Option] } : call with { MissingRequired = [] });
    }
}
