using System.Net;
using System.Text.Json.Nodes;
using Crowsnest.Commands.Chat;
using Crowsnest.Configuration;
using Crowsnest.Host.Chat.Teams;
using Crowsnest.Storage;
using Crowsnest.TestKit.Teams;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>The Teams bot against the Bot Framework emulator: JWT checks, activities to inputs, replies through the connector.</summary>
public sealed class TeamsBotTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_mention_is_handled_and_the_reply_and_the_button_update_reach_the_connector_in_the_thread()
    {
        await using var teams = await TeamsBotEmulator.StartAsync();
        var handler = new RecordingChatHandler();
        await using var host = await StartAsync(teams, handler);
        using var timeout = new CancellationTokenSource(Patience);

        var message = teams.Activities.ChannelMessage("cloudwatch describe-alarms --state-value ALARM");
        using var answer = await teams.SendAsync(Endpoint(host), message, cancellationToken: timeout.Token);
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);

        var (input, reply) = await handler.NextAsync<ChatCommandInput>(timeout.Token);
        var root = message["id"]!.GetValue<string>();
        Assert.Equal("cloudwatch describe-alarms --state-value ALARM", input.Text);
        Assert.Equal(new ChatConversationRef("teams", teams.Options.TenantId, TeamsActivities.DefaultChannel, root, teams.ServiceUrl.ToString()), input.Conversation);
        Assert.Equal(TeamsActivities.UserAadId, input.User.Id);
        Assert.True(reply.Succeeded, reply.Error);

        var call = Assert.Single(teams.Module.Calls);
        Assert.Equal(("POST", $"{TeamsActivities.DefaultChannel};messageid={root}", root), (call.Method, call.ConversationId, call.ActivityId));
        Assert.Equal(call.Id, reply.MessageId);
        Assert.Equal(root, call.Activity["replyToId"]?.GetValue<string>());
        var card = call.Activity["attachments"]![0]!["content"]!;
        Assert.Contains("I ran the read-only command cloudwatch describe-alarms", card.ToJsonString());
        var button = card["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.Submit")!;
        Assert.Equal(ChatActionIds.RunCommand, button["data"]!["actionId"]!.GetValue<string>());

        // Pressing the card's button: an Action.Submit comes back as a message activity with the data in value.
        var submit = teams.Activities.CardSubmit(call.Id, root, ChatActionIds.RunCommand, button["data"]!["value"]!.GetValue<string>());
        using var pressed = await teams.SendAsync(Endpoint(host), submit, cancellationToken: timeout.Token);
        Assert.Equal(HttpStatusCode.Accepted, pressed.StatusCode);
        var (action, update) = await handler.NextAsync<ChatActionInput>(timeout.Token);
        Assert.Equal((ChatActionIds.RunCommand, "sns list-topics", call.Id), (action.ActionId, action.Value, action.MessageId));
        Assert.True(update.Succeeded, update.Error);
        var put = teams.Module.Calls[^1];
        Assert.Equal(("PUT", call.Id), (put.Method, put.ActivityId));

        // One client-credentials token served both calls.
        Assert.Equal(1, teams.Module.TokensIssued);
    }

    [Fact]
    public async Task An_adaptive_card_invoke_is_answered_at_once_and_handled()
    {
        await using var teams = await TeamsBotEmulator.StartAsync();
        var handler = new RecordingChatHandler();
        await using var host = await StartAsync(teams, handler);
        using var timeout = new CancellationTokenSource(Patience);
        var first = teams.Activities.ChannelMessage("sns list-topics");
        (await teams.SendAsync(Endpoint(host), first, cancellationToken: timeout.Token)).Dispose();
        var (_, reply) = await handler.NextAsync<ChatCommandInput>(timeout.Token);

        var invoke = teams.Activities.CardExecute(reply.MessageId!, first["id"]!.GetValue<string>(), "crowsnest.cancel", "c-1");
        using var answer = await teams.SendAsync(Endpoint(host), invoke, cancellationToken: timeout.Token);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(200, JsonNode.Parse(await answer.Content.ReadAsStringAsync(timeout.Token))!["statusCode"]!.GetValue<int>());
        var (action, _) = await handler.NextAsync<ChatActionInput>(timeout.Token);
        Assert.Equal(("crowsnest.cancel", "c-1"), (action.ActionId, action.Value));
    }

    public static TheoryData<string, string> Forgeries => new()
    {
        { "other key", "bad signature" },
        { "wrong audience", "wrong audience" },
        { "wrong issuer", "wrong issuer" },
        { "expired", "outside its lifetime" },
        { "serviceUrl mismatch", "serviceurl claim does not match the activity's serviceUrl" },
        { "unendorsed channel", "signing key not endorsed for channel 'slack'" },
        { "no token", "no bearer token" },
    };

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_is_refused_with_401_and_nothing_runs(string forgery, string reason)
    {
        await using var teams = await TeamsBotEmulator.StartAsync();
        var handler = new RecordingChatHandler();
        await using var host = await StartAsync(teams, handler);
        using var forger = new BotFrameworkSigner(teams.Module.Signer.Kid, ["msteams"]);
        var token = forgery switch
        {
            "other key" => new ActivityToken { OtherKey = forger },
            "wrong audience" => new ActivityToken { Audience = "some-other-bot" },
            "wrong issuer" => new ActivityToken { Issuer = "https://sts.windows.net/evil/" },
            "expired" => new ActivityToken { Shift = TimeSpan.FromHours(-2) },
            "serviceUrl mismatch" => new ActivityToken { ServiceUrl = "https://attacker.example/" },
            "unendorsed channel" => ActivityToken.Valid,
            _ => null,
        };
        var message = teams.Activities.ChannelMessage("ec2 describe-instances");
        if (forgery == "unendorsed channel")
        {
            message["channelId"] = "slack";
        }
        var auth = host.App.Services.GetRequiredService<BotFrameworkAuthenticator>();
        var refusal = await auth.ValidateAsync(token is null ? null : "Bearer " + teams.Token(message, token), message["serviceUrl"]!.GetValue<string>(),
            message["channelId"]!.GetValue<string>(), CancellationToken.None);
        Assert.Equal(BotAuthResult.Refuse(reason), refusal);

        using var answer = token is null
            ? await host.Http.PostAsync(Endpoint(host), new StringContent(message.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))
            : await teams.SendAsync(Endpoint(host), message, token);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        // A valid activity sent afterwards is handled, and it is the only thing the handler ever saw.
        using var valid = await teams.SendAsync(Endpoint(host), teams.Activities.ChannelMessage("sns list-topics"));
        Assert.Equal(HttpStatusCode.Accepted, valid.StatusCode);
        using var timeout = new CancellationTokenSource(Patience);
        var (input, _) = await handler.NextAsync<ChatCommandInput>(timeout.Token);
        Assert.Equal("sns list-topics", input.Text);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_tenant_without_a_teams_configuration_is_ignored()
    {
        await using var teams = await TeamsBotEmulator.StartAsync();
        var handler = new RecordingChatHandler();
        await using var host = await StartAsync(teams, handler);
        using var answer = await teams.SendAsync(Endpoint(host), teams.Activities.ChannelMessage("sns list-topics", tenantId: "99999999-0000-0000-0000-000000000000"));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var valid = await teams.SendAsync(Endpoint(host), teams.Activities.ChannelMessage("sns list-topics"));
        using var timeout = new CancellationTokenSource(Patience);
        await handler.NextAsync<ChatCommandInput>(timeout.Token);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_wrong_app_password_fails_the_reply_without_revealing_it()
    {
        await using var teams = await TeamsBotEmulator.StartAsync();
        var handler = new RecordingChatHandler();
        await using var host = await StartAsync(teams, handler, password: "not-the-password-at-all");
        using var timeout = new CancellationTokenSource(Patience);
        (await teams.SendAsync(Endpoint(host), teams.Activities.ChannelMessage("sns list-topics"), cancellationToken: timeout.Token)).Dispose();
        var (_, reply) = await handler.NextAsync<ChatCommandInput>(timeout.Token);
        Assert.False(reply.Succeeded);
        Assert.Contains("401", reply.Error);
        Assert.DoesNotContain("not-the-password", reply.Error);
        Assert.Empty(teams.Module.Calls);
    }

    private static Uri Endpoint(TestHost host) => new($"{host.BaseUrl}/teams/messages");

    private static async Task<TestHost> StartAsync(TeamsBotEmulator teams, RecordingChatHandler handler, string? password = null)
    {
        var host = await TestHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Teams:AppId"] = teams.Options.AppId,
                ["Teams:AppPassword"] = password ?? teams.Options.AppPassword,
                ["Teams:OpenIdMetadataUrl"] = teams.OpenIdMetadataUrl.ToString(),
                ["Teams:TokenEndpoint"] = teams.TokenEndpoint.ToString(),
                ["Api:SnapshotPollInterval"] = "00:00:00.100",
            },
            configureServices: services => services.AddSingleton<IChatCommandHandler>(handler));
        var document = new ChannelConfigurationDocument
        {
            ChatConfigurationArn = "arn:aws:chatbot::123456789012:chat-configuration/teams-channel/alerts",
            ConfigurationName = "alerts",
            TargetType = TargetTypes.TeamsChannel,
            TenantId = teams.Options.TenantId,
            TeamId = teams.Options.TeamId,
            ChannelId = Uri.EscapeDataString(TeamsActivities.DefaultChannel),
            IamRoleArn = "arn:aws:iam::123456789012:role/crowsnest-chat",
        };
        var now = DateTimeOffset.UtcNow;
        var record = new ResourceRecord(ResourceKinds.Configuration, document.ChatConfigurationArn, document.ConfigurationName, ConfigurationJson.Write(document),
            ConfigurationJson.Write(new ChannelSecrets()), 0, now, now);
        Assert.Equal(ResourceWriteResult.Ok, await host.Store.Resources.CreateAsync(record, CancellationToken.None));
        var snapshots = host.App.Services.GetRequiredService<Crowsnest.Configuration.Snapshot.ConfigSnapshotSource>();
        await snapshots.RefreshAsync(CancellationToken.None);
        Assert.NotEmpty(snapshots.Current.Configurations);
        return host;
    }
}
