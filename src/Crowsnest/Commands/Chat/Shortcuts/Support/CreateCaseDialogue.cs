namespace Crowsnest.Commands.Chat.Shortcuts.Support;

/// <summary>One question of the create-case dialogue.</summary>
/// <param name="Member">The <c>CreateCase</c> input member it fills (<c>subject</c>, <c>severityCode</c>, ...).</param>
/// <param name="Option">The CLI option (<c>--subject</c>).</param>
/// <param name="Question">What the user is asked.</param>
/// <param name="Choices">Values offered as buttons; empty for a free text reply.</param>
public sealed record CreateCaseQuestion(string Member, string Option, string Question, IReadOnlyList<string> Choices);

/// <summary>
/// <c>support create-case</c> as a guided dialogue, as a pure state machine: given the answers so far (the call's
/// input), the next question, one at a time — subject, service code, category code, severity (buttons), then the
/// description — or null when everything is answered and the case can be confirmed and created.
/// </summary>
public static class CreateCaseDialogue
{
    /// <summary>The severities AWS Support accepts, least urgent first (which ones a plan allows is AWS's call).</summary>
    public static IReadOnlyList<string> Severities { get; } = ["low", "normal", "high", "urgent", "critical"];

    /// <summary>The questions, in the order they are asked.</summary>
    public static IReadOnlyList<CreateCaseQuestion> Questions { get; } =
    [
        new("subject", "--subject", "What is the subject of the support case?", []),
        new("serviceCode", "--service-code", "Which service is it about? Reply with its service code (e.g. `amazon-elastic-compute-cloud-linux`; `@aws support describe-services` lists them).", []),
        new("categoryCode", "--category-code", "Which category? Reply with a category code of that service (e.g. `general-guidance`; listed by `@aws support describe-services`).", []),
        new("severityCode", "--severity-code", "How severe is it?", Severities),
        new("communicationBody", "--communication-body", "Describe the problem: reply with the text of the case.", []),
    ];

    /// <summary>The next unanswered question, or null when all are answered.</summary>
    public static CreateCaseQuestion? Next(IReadOnlyDictionary<string, string?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Questions.FirstOrDefault(q => string.IsNullOrWhiteSpace(answers.GetValueOrDefault(q.Member)));
    }

    /// <summary>The question for a CLI option, or null.</summary>
    public static CreateCaseQuestion? ForOption(string option) =>
        Questions.FirstOrDefault(q => string.Equals(q.Option, option, StringComparison.OrdinalIgnoreCase));

    /// <summary>What is wrong with the answers (an unknown severity), or null.</summary>
    public static string? Problem(IReadOnlyDictionary<string, string?> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.GetValueOrDefault("severityCode") is { Length: > 0 } severity && !Severities.Contains(severity, StringComparer.Ordinal)
            ? $"The severity must be one of {string.Join(", ", Severities)}; got `{severity}`."
            : null;
    }
}
