using Crowsnest.Commands.Chat;
using Crowsnest.Commands.Chat.Shortcuts.Support;
using Crowsnest.Commands.Parse;
using Crowsnest.Tests.Aws;

namespace Crowsnest.Tests.Commands.Chat.Shortcuts;

public class CreateCaseDialogueTests
{
    private static readonly CommandParser Parser = new(TestModels.Catalog);

    [Fact]
    public void Questions_come_one_at_a_time_in_order_and_end_when_all_are_answered()
    {
        var answers = new Dictionary<string, string?>();
        var asked = new List<string>();
        while (CreateCaseDialogue.Next(answers) is { } question)
        {
            asked.Add(question.Option);
            answers[question.Member] = question.Choices.Count > 0 ? question.Choices[1] : "x";
        }
        Assert.Equal(["--subject", "--service-code", "--category-code", "--severity-code", "--communication-body"], asked);
        Assert.Equal("normal", answers["severityCode"]);
    }

    [Fact]
    public void Severity_is_asked_with_buttons_and_a_blank_answer_is_asked_again()
    {
        var next = CreateCaseDialogue.Next(new Dictionary<string, string?> { ["subject"] = "s", ["serviceCode"] = "c", ["categoryCode"] = "g", ["communicationBody"] = "b" })!;
        Assert.Equal("--severity-code", next.Option);
        Assert.Equal(["low", "normal", "high", "urgent", "critical"], next.Choices);
        Assert.Equal("--subject", CreateCaseDialogue.Next(new Dictionary<string, string?> { ["subject"] = "  " })!.Option);
        Assert.Contains("must be one of", CreateCaseDialogue.Problem(new Dictionary<string, string?> { ["severityCode"] = "meh" }), StringComparison.Ordinal);
        Assert.Null(CreateCaseDialogue.Problem(new Dictionary<string, string?> { ["severityCode"] = "high" }));
    }

    [Fact]
    public async Task The_shortcut_marks_the_next_question_missing_so_the_flow_prompts_and_confirms_the_full_case()
    {
        IChatShortcut shortcut = new SupportCaseShortcut();
        Assert.True(shortcut.Matches("support create-case"));
        Assert.False(shortcut.Matches("support describe-cases"));

        var first = Assert.IsType<ShortcutOutcome.Call>(await shortcut.ResolveAsync(Request("support create-case"), CancellationToken.None)).AwsCall;
        Assert.Equal(["--subject"], first.MissingRequired);
        Assert.Equal("What is the subject of the support case?", shortcut.Prompt(first, "--subject")!.Question);

        var severity = Assert.IsType<ShortcutOutcome.Call>(await shortcut.ResolveAsync(
            Request("support create-case --subject 'DB down' --service-code amazon-rds --category-code general-guidance"), CancellationToken.None)).AwsCall;
        Assert.Equal(["--severity-code"], severity.MissingRequired);
        Assert.Equal(CreateCaseDialogue.Severities, shortcut.Prompt(severity, "--severity-code")!.Choices);

        var done = Assert.IsType<ShortcutOutcome.Call>(await shortcut.ResolveAsync(
            Request("support create-case --subject 'DB down' --service-code amazon-rds --category-code general-guidance --severity-code urgent --communication-body 'It is down.'"),
            CancellationToken.None)).AwsCall;
        Assert.Empty(done.MissingRequired);
        Assert.False(shortcut.IsReadOnly(done));
        Assert.Equal("support:CreateCase", done.IamAction);
        Assert.Equal("DB down", (string?)done.Input["subject"]);

        var wrong = await shortcut.ResolveAsync(Request("support create-case --severity-code meh"), CancellationToken.None);
        Assert.Contains("must be one of", Assert.IsType<ShortcutOutcome.Invalid>(wrong).Message, StringComparison.Ordinal);
    }

    private static ShortcutRequest Request(string text) =>
        new(text, new ChatConversationRef("slack", "T1", "C1", "1.0"), new ChatUser("U1"), Testing.TestConfigurations.Snapshot(Testing.TestConfigurations.Slack("ops", "T1", "C1")).Configurations[0], Parser);
}
