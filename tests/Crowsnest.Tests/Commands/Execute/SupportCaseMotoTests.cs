using Crowsnest.Commands.Chat;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Chat.Shortcuts.Support;
using Crowsnest.Commands.Parse;
using Crowsnest.Tests.Aws;

namespace Crowsnest.Tests.Commands.Execute;

/// <summary>
/// The call the <c>support create-case</c> dialogue ends with, run against moto's Support API (whose describe-cases
/// raises a case's severity one step per call, simulating escalation, so the severity is not compared).
/// </summary>
public class SupportCaseMotoTests
{
    private static readonly CommandParser Parser = new(TestModels.Catalog);

    [Fact]
    public async Task The_completed_dialogue_creates_a_case_that_describe_cases_then_lists()
    {
        var moto = await MotoAws.SharedAsync();
        const string subject = "Orders DB unreachable (dialogue test)";
        IChatShortcut shortcut = new SupportCaseShortcut();
        var outcome = await shortcut.ResolveAsync(Request(
            $"support create-case --subject '{subject}' --service-code amazon-rds --category-code general-guidance --severity-code urgent --communication-body 'It is down.'"),
            CancellationToken.None);
        var call = Assert.IsType<ShortcutOutcome.Call>(outcome).AwsCall;
        Assert.Empty(call.MissingRequired);

        var created = await moto.Invoker.InvokeAsync(call, MotoAws.TestCredentials, CancellationToken.None);
        var caseId = (string)Assert.IsType<AwsResult.Success>(created).Output["caseId"]!;

        var cases = await moto.OkAsync($"support describe-cases --case-id-list {caseId}");
        var listed = Assert.Single(cases["cases"]!.AsArray());
        Assert.Equal(subject, (string?)listed!["subject"]);
        Assert.Equal("amazon-rds", (string?)listed["serviceCode"]);
    }

    private static ShortcutRequest Request(string text) =>
        new(text, new ChatConversationRef("slack", "T1", "C1", "1.0"), new ChatUser("U1"),
            Testing.TestConfigurations.Snapshot(Testing.TestConfigurations.Slack("ops", "T1", "C1")).Configurations[0], Parser);
}
