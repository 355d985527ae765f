using Crowsnest.Aws.Models;
using Crowsnest.Commands.Authorize;
using Crowsnest.Commands.Chat;
using Crowsnest.Commands.Parse;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Storage;
using Crowsnest.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Commands.Chat;

/// <summary>The handler's dialogues and timings with fakes around it (the Slack and AWS paths are covered end to end in the host tests).</summary>
public sealed class ChatCommandHandlerTests
{
    private static readonly CommandParser Parser = new(ServiceCatalog.OpenDefault());
    private static readonly ChatConversationRef Channel = new("slack", "T1", "C1", "1700000000.000100");
    private static readonly ChatUser Alice = new("U1");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingResponder _responder = new();
    private readonly ScriptedInvoker _invoker = new();
    private readonly MemoryAudit _audit = new();
    private readonly MapUserRoles _userRoles = new();
    private readonly MemoryChatStores _stores;

    public ChatCommandHandlerTests() => _stores = new MemoryChatStores(_time);

    [Fact]
    public async Task A_command_that_outlives_15_seconds_is_reported_as_still_running_and_its_result_follows()
    {
        var handler = Handler(Configuration("ops", "111111111111"));
        _invoker.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var running = handler.HandleMessageAsync(Input("cloudwatch describe-alarms"), _responder, CancellationToken.None);
        await _invoker.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(_responder.Posted);
        _time.Advance(TimeSpan.FromSeconds(16));
        await _responder.WaitForAsync(1);
        _invoker.Gate.SetResult();
        await running;

        var messages = _responder.Messages.ToList();
        Assert.Equal(2, messages.Count);
        Assert.StartsWith("Still running", messages[0].Title, StringComparison.Ordinal);
        Assert.StartsWith("I ran the read-only command", messages[1].Title, StringComparison.Ordinal);
        Assert.All(_responder.Posted, p => Assert.Equal(Channel.ThreadId, p.To.ThreadId));
    }

    [Fact]
    public async Task With_several_accounts_the_user_is_asked_which_the_choice_is_remembered_and_set_default_account_changes_it()
    {
        var handler = Handler(Configuration("prod", "111111111111"), Configuration("dev", "222222222222"));

        await handler.HandleMessageAsync(Input("cloudwatch describe-alarms"), _responder, CancellationToken.None);
        var question = Assert.Single(_responder.Messages);
        Assert.Equal(2, question.Buttons.Count);
        Assert.Empty(_invoker.Calls);
        var dev = Assert.Single(question.Buttons, b => b.Label.StartsWith("222222222222", StringComparison.Ordinal));

        await handler.HandleActionAsync(Action(dev.ActionId, dev.Value), _responder, CancellationToken.None);
        await handler.HandleMessageAsync(Input("cloudwatch describe-alarms", "m2"), _responder, CancellationToken.None);
        Assert.Equal(2, _invoker.Calls.Count);
        Assert.All(_responder.Messages.Where(m => m.Title.StartsWith("I ran", StringComparison.Ordinal)), m => Assert.Contains("222222222222", m.Summary, StringComparison.Ordinal));

        await handler.HandleMessageAsync(Input("set default-account 111111111111", "m3"), _responder, CancellationToken.None);
        await handler.HandleMessageAsync(Input("cloudwatch describe-alarms", "m4"), _responder, CancellationToken.None);
        Assert.Contains("111111111111", _responder.Messages.Last().Summary, StringComparison.Ordinal);

        // Remembered for 7 days only.
        _time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        await handler.HandleMessageAsync(Input("cloudwatch describe-alarms", "m5"), _responder, CancellationToken.None);
        Assert.Equal("Which account?", _responder.Messages.Last().Title);
    }

    [Fact]
    public async Task Where_user_roles_are_required_a_user_without_one_is_told_how_to_get_one_and_nothing_runs()
    {
        var handler = Handler(Configuration("ops", "111111111111", userRoles: true));

        await handler.HandleMessageAsync(Input("cloudwatch describe-alarms"), _responder, CancellationToken.None);

        var reply = Assert.Single(_responder.Messages);
        Assert.Contains("user identity", reply.Sections[0].Text, StringComparison.Ordinal);
        Assert.Empty(_invoker.Calls);
        Assert.Equal("denied", Assert.Single(_audit.Entries).Decision);

        _userRoles.Roles["U1"] = "arn:aws:iam::111111111111:role/alice";
        await handler.HandleMessageAsync(Input("cloudwatch describe-alarms", "m2"), _responder, CancellationToken.None);
        Assert.Single(_invoker.Calls);
    }

    [Fact]
    public async Task An_expired_confirmation_runs_nothing_and_cancel_runs_nothing()
    {
        var handler = Handler(Configuration("ops", "111111111111"));
        const string Command = "cloudwatch set-alarm-state --alarm-name a --state-value OK --state-reason test";

        await handler.HandleMessageAsync(Input(Command), _responder, CancellationToken.None);
        var confirm = Assert.Single(_responder.Messages).Buttons.Single(b => b.ActionId == ChatDialogActions.Confirm);
        _time.Advance(TimeSpan.FromMinutes(11));
        await handler.HandleActionAsync(Action(confirm.ActionId, confirm.Value), _responder, CancellationToken.None);
        Assert.Contains("expired", Assert.Single(_responder.Updated).Message.Title, StringComparison.Ordinal);

        await handler.HandleMessageAsync(Input(Command, "m2"), _responder, CancellationToken.None);
        var cancel = _responder.Messages.Last().Buttons.Single(b => b.ActionId == ChatDialogActions.Cancel);
        await handler.HandleActionAsync(Action(cancel.ActionId, cancel.Value), _responder, CancellationToken.None);

        Assert.Empty(_invoker.Calls);
        Assert.Contains(_audit.Entries, a => a.Decision == "expired");
        Assert.Contains(_audit.Entries, a => a.Decision == "cancelled");
        Assert.Empty(_stores.Pending);
    }

    [Fact]
    public async Task A_missing_parameter_is_answered_by_a_plain_reply_in_the_thread_and_other_users_replies_are_ignored()
    {
        var handler = Handler(Configuration("ops", "111111111111"));

        await handler.HandleMessageAsync(Input("cloudwatch set-alarm-state --alarm-name a --state-value ALARM"), _responder, CancellationToken.None);
        var prompt = _responder.Messages.Last();
        Assert.Contains("--state-reason", prompt.Title, StringComparison.Ordinal);
        Assert.Contains("Reply in this thread", prompt.Summary, StringComparison.Ordinal);
        Assert.Empty(prompt.Buttons);

        await handler.HandleMessageAsync(new ChatCommandInput(Channel, new ChatUser("U2"), "not me", "r1", "Ev-r1", _time.GetUtcNow(), Addressed: false), _responder, CancellationToken.None);
        Assert.Single(_responder.Messages);
        await handler.HandleMessageAsync(Input("it broke", "r2") with { Addressed = false }, _responder, CancellationToken.None);

        // It changes an alarm's state, so the filled-in command now waits for confirmation.
        var confirmation = _responder.Messages.Last();
        Assert.Equal("Confirm this command", confirmation.Title);
        Assert.Contains("--state-value ALARM --state-reason 'it broke'", confirmation.Sections[0].Text, StringComparison.Ordinal);
        Assert.Empty(_invoker.Calls);
    }

    [Fact]
    public async Task A_missing_enum_parameter_is_asked_with_a_button_per_value_and_only_the_requester_can_press_one()
    {
        var handler = Handler(Configuration("ops", "111111111111"));

        await handler.HandleMessageAsync(Input("cloudwatch set-alarm-state --alarm-name a --state-reason 'it broke'"), _responder, CancellationToken.None);
        var prompt = _responder.Messages.Last();
        Assert.Contains("--state-value", prompt.Title, StringComparison.Ordinal);
        Assert.Equal(["OK", "ALARM", "INSUFFICIENT_DATA"], prompt.Buttons.Select(b => b.Label));
        Assert.All(prompt.Buttons, b => Assert.Equal(ChatDialogActions.PromptValue, b.ActionId));
        var alarm = prompt.Buttons.Single(b => b.Label == "ALARM");

        await handler.HandleActionAsync(Action(alarm.ActionId, alarm.Value) with { User = new ChatUser("U2") }, _responder, CancellationToken.None);
        Assert.StartsWith("Only user", _responder.Messages.Last().Title, StringComparison.Ordinal);
        await handler.HandleActionAsync(Action(alarm.ActionId, alarm.Value), _responder, CancellationToken.None);

        var confirmation = _responder.Messages.Last();
        Assert.Equal("Confirm this command", confirmation.Title);
        Assert.Contains("--state-reason 'it broke' --state-value ALARM", confirmation.Sections[0].Text, StringComparison.Ordinal);
        Assert.Empty(_invoker.Calls);
    }

    [Fact]
    public async Task Shortcuts_see_the_text_first_and_their_calls_go_through_the_same_authorization()
    {
        var shortcut = new EchoShortcut();
        var handler = Handler([shortcut], Configuration("ops", "111111111111"));

        await handler.HandleMessageAsync(Input("hello there"), _responder, CancellationToken.None);
        await handler.HandleMessageAsync(Input("alarms-now", "m2"), _responder, CancellationToken.None);
        await handler.HandleMessageAsync(Input("denied-now", "m3"), _responder, CancellationToken.None);

        var messages = _responder.Messages.ToList();
        Assert.Equal("Hello from a shortcut", messages[0].Title);
        Assert.StartsWith("I ran the read-only command", messages[1].Title, StringComparison.Ordinal);
        Assert.StartsWith("I did not run", messages[2].Title, StringComparison.Ordinal);
        Assert.Single(_invoker.Calls);
    }

    private ChatCommandHandler Handler(params ChannelConfiguration[] configurations) => Handler([], configurations);

    private ChatCommandHandler Handler(IReadOnlyList<IChatShortcut> shortcuts, params ChannelConfiguration[] configurations)
    {
        var snapshot = TestConfigurations.Snapshot([.. configurations.Select(Record)]);
        return new ChatCommandHandler(new ChatHandlerDependencies
        {
            Snapshot = () => snapshot,
            Parser = Parser,
            Authorizer = new Authorizer(),
            Policies = new StaticPolicies(),
            UserRoles = _userRoles,
            Credentials = new FixedCredentials(),
            Invoker = _invoker,
            Aliases = _stores,
            Audit = _audit,
            State = _stores,
            Settings = _stores,
            Shortcuts = shortcuts,
            Time = _time,
            OnError = (id, e) => throw new InvalidOperationException($"unexpected error {id}", e),
        });
    }

    private ChatCommandInput Input(string text, string messageId = "m1") => new(Channel, Alice, text, messageId, "Ev" + messageId + text.GetHashCode(StringComparison.Ordinal), _time.GetUtcNow());

    private ChatActionInput Action(string actionId, string? value) => new(Channel, Alice, actionId, value, "m-bot", "action-" + Guid.NewGuid(), _time.GetUtcNow());

    private static ChannelConfiguration Configuration(string name, string account, bool userRoles = false) =>
        TestConfigurations.Snapshot(Record(new ChannelConfigurationDocument
        {
            ChatConfigurationArn = $"arn:aws:chatbot::{account}:chat-configuration/slack-channel/{name}",
            ConfigurationName = name,
            TargetType = TargetTypes.SlackChannel,
            SlackTeamId = "T1",
            SlackChannelId = "C1",
            IamRoleArn = $"arn:aws:iam::{account}:role/{name}",
            UserAuthorizationRequired = userRoles,
        })).Configurations[0];

    private static ResourceRecord Record(ChannelConfiguration configuration) => Record(configuration.Document);

    private static ResourceRecord Record(ChannelConfigurationDocument document) => new(ResourceKinds.Configuration, document.ChatConfigurationArn,
        document.ConfigurationName, ConfigurationJson.Write(document), null, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private sealed class EchoShortcut : IChatShortcut
    {
        public bool Matches(string text) => text.StartsWith("hello", StringComparison.Ordinal) || text.EndsWith("-now", StringComparison.Ordinal);

        public Task<ShortcutOutcome> ResolveAsync(ShortcutRequest request, CancellationToken cancellationToken) => Task.FromResult<ShortcutOutcome>(request.Text switch
        {
            "alarms-now" => new ShortcutOutcome.Call(((ParseResult.Parsed)request.Parser.Parse("cloudwatch describe-alarms")).Call),
            "denied-now" => new ShortcutOutcome.Call(((ParseResult.Parsed)request.Parser.Parse("ec2 describe-instances")).Call),
            _ => new ShortcutOutcome.Reply(ChatReplies.Text("Hello from a shortcut")),
        });
    }
}
