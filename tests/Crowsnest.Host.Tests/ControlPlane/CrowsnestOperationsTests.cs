using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Filters;
using Crowsnest.Configuration.Model;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Messages;
using Crowsnest.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests.ControlPlane;

public sealed class CrowsnestOperationsTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:alarms";

    [Fact]
    public async Task Every_model_operation_is_served_at_its_request_uri()
    {
        await using var host = await ControlPlaneHost.StartAsync();
        Assert.Equal(34, ApiModel.Chatbot.Operations.Count);
        foreach (var operation in ApiModel.Chatbot.Operations)
        {
            using var response = await host.SendAsync(operation.RequestUri, []);
            var typed = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.Single() : null;
            Assert.True(response.IsSuccessStatusCode || typed is not null, $"{operation.Name} at {operation.RequestUri}: {(int)response.StatusCode} without an AWS error");
        }
    }

    [Fact]
    public async Task A_bad_configuration_is_refused_with_every_error_listed()
    {
        await using var host = await ControlPlaneHost.StartAsync();
        using var response = await host.SendAsync("/crowsnest/create-channel-configuration", new JsonObject
        {
            ["TargetType"] = "webhook",
            ["ConfigurationName"] = "bad name",
            ["WebhookUrl"] = "not a url",
            ["SnsTopicArns"] = new JsonArray("arn:aws:s3:::bucket"),
            ["EventFilter"] = new JsonObject { ["MinimumSeverity"] = "Loud", ["EventPattern"] = "{\"source\": \"aws.ec2\"}", ["Accounts"] = new JsonArray("12") },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (type, message) = await ControlPlaneHost.ErrorOf(response);
        Assert.Equal("InvalidParameterException", type);
        Assert.StartsWith("7 validation errors detected", message, StringComparison.Ordinal);
        foreach (var path in new[] { "configurationName", "chatConfigurationArn", "webhookUrl", "snsTopicArns.1.member", "eventFilter.minimumSeverity", "eventFilter.accounts.1.member", "eventFilter.eventPattern" })
        {
            Assert.Contains($"'{path}'", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_saved_change_reaches_the_snapshot_without_restart_and_an_invalid_one_never_replaces_it()
    {
        await using var host = await ControlPlaneHost.StartAsync();
        var source = host.Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await host.PostAsync("/crowsnest/create-channel-configuration", new JsonObject
        {
            ["TargetType"] = "console",
            ["ConfigurationName"] = "inbox-a",
            ["InboxName"] = "ops",
            ["SnsTopicArns"] = new JsonArray(Topic),
            ["UnrecognizedEvents"] = "hold",
            ["EventFilter"] = new JsonObject { ["EventTypes"] = new JsonArray("cloudwatch.*"), ["MinimumSeverity"] = "High", ["EventPattern"] = "{\"detail\": {\"state\": [\"ALARM\"]}}" },
        });
        await source.RefreshAsync(CancellationToken.None);

        var configuration = Assert.Single(source.Current.ForTopic(Topic));
        Assert.True(configuration.HoldsUnrecognized);
        Assert.Equal("console:ops", configuration.Target.Key);
        using var alarm = JsonDocument.Parse("{\"detail\": {\"state\": \"ALARM\"}}");
        Assert.Null(configuration.Filter.Reject(new EventFacts("cloudwatch.alarm", Severity.High, null, null, alarm.RootElement)));
        Assert.NotNull(configuration.Filter.Reject(new EventFacts("cloudwatch.alarm", Severity.Info, null, null, alarm.RootElement)));
        Assert.NotNull(configuration.Filter.Reject(new EventFacts("guardduty.finding", Severity.High, null, null, alarm.RootElement)));

        var good = source.Current;
        var now = DateTimeOffset.UtcNow;
        await host.Host.Store.Resources.CreateAsync(new ResourceRecord(ResourceKinds.Configuration, "arn:aws:chatbot::000000000000:chat-configuration/console/broken", "broken",
            "{\"ChatConfigurationArn\":\"arn:aws:chatbot::000000000000:chat-configuration/console/broken\",\"ConfigurationName\":\"broken\",\"TargetType\":\"console\",\"LoggingLevel\":\"LOUD\"}",
            null, 0, now, now), CancellationToken.None);
        var refresh = await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(SnapshotRefreshOutcome.Rejected, refresh.Outcome);
        Assert.Contains(refresh.Errors, e => e.Contains("loggingLevel", StringComparison.Ordinal));
        Assert.Same(good, source.Current);
    }

    [Fact]
    public async Task Another_instance_on_the_same_postgres_sees_a_change_and_several_configurations_share_a_slack_channel()
    {
        var connection = await PostgresDatabase.CreateAsync();
        // Saving a Slack channel asks Slack (here its emulator) whether the bot can post there.
        await using var slack = await Crowsnest.TestKit.Slack.SlackEmulator.StartAsync();
        var team = slack.Options.Workspace.TeamId;
        var shared = new Dictionary<string, string?>
        {
            ["Store:Kind"] = "postgres",
            ["Store:ConnectionString"] = connection,
            ["Secrets:KeyStore"] = "database",
            ["Delivery:SlackApiUrl"] = slack.ApiUrl.ToString(),
        };
        await using var first = await ControlPlaneHost.StartAsync(overrides: shared);
        await using var second = await ControlPlaneHost.StartAsync(overrides: shared);
        await first.PostAsync("/crowsnest/register-slack-workspace", new JsonObject
        {
            ["SlackTeamId"] = team,
            ["SlackTeamName"] = "Acme",
            ["BotToken"] = slack.BotToken,
            ["SigningSecret"] = "0123456789abcdef0123",
        });
        foreach (var name in new[] { "alarms-to-ops", "deploys-to-ops" })
        {
            await first.PostAsync("/create-slack-channel-configuration", new JsonObject
            {
                ["SlackTeamId"] = team,
                ["SlackChannelId"] = "C01ALERTS",
                ["ConfigurationName"] = name,
                ["IamRoleArn"] = "arn:aws:iam::123456789012:role/r",
                ["SnsTopicArns"] = new JsonArray(Topic),
            });
        }

        var source = second.Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await source.RefreshAsync(CancellationToken.None);

        Assert.Equal(2, source.Current.ForTopic(Topic).Count);
        Assert.All(source.Current.ForTopic(Topic), c => Assert.Equal($"slack:{team}:C01ALERTS", c.Target.Key));
        Assert.Equal(slack.BotToken, source.Current.SlackWorkspace(team)!.Secrets.BotToken);
    }

    [Fact]
    public async Task Subscriptions_dead_letters_and_the_audit_log_are_managed_through_the_api()
    {
        // Without the delivery workers: the test leases and dead-letters its delivery itself, and a running worker
        // could lease it first.
        await using var host = await ControlPlaneHost.StartAsync(overrides: new() { ["Delivery:Enabled"] = "false" });
        var store = host.Host.Store;
        var now = DateTimeOffset.UtcNow;
        // A SubscribeURL the URL policy refuses (not an SNS host): confirming must not visit it, and it stays pending.
        await store.Subscriptions.PutAsync(new SnsSubscription(Topic, "m1", "https://sns.us-east-1.amazonaws.com.evil.example/?Action=ConfirmSubscription", "tok", SubscriptionState.Pending, now, null, null), CancellationToken.None);
        var other = Topic + "-2";
        await store.Subscriptions.PutAsync(new SnsSubscription(other, "m2", "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription", "tok", SubscriptionState.Pending, now, null, null), CancellationToken.None);

        var pending = await host.PostAsync("/crowsnest/list-subscriptions", new JsonObject { ["State"] = "pending" });
        Assert.Equal(2, pending["Subscriptions"]!.AsArray().Count);
        var confirm = await host.PostAsync("/crowsnest/confirm-subscription", new JsonObject { ["TopicArn"] = Topic });
        await host.PostAsync("/crowsnest/drop-subscription", new JsonObject { ["TopicArn"] = other });
        Assert.False(confirm["Confirmed"]!.GetValue<bool>());
        Assert.Equal(SubscriptionState.Pending, (await store.Subscriptions.GetAsync(Topic, CancellationToken.None))!.State);
        Assert.Equal(SubscriptionState.Dropped, (await store.Subscriptions.GetAsync(other, CancellationToken.None))!.State);

        await store.Outbox.EnqueueAsync([new NewDelivery("n1", "slack:T1:C1", "cfg", null, "{}", now.AddMinutes(-1))], CancellationToken.None);
        var leased = Assert.Single(await store.Outbox.LeaseDueAsync("w", 10, TimeSpan.FromMinutes(1), CancellationToken.None));
        await store.Outbox.DeadLetterAsync(leased.Id, "w", "channel_not_found", CancellationToken.None);
        var dead = await host.PostAsync("/crowsnest/list-dead-letters", []);
        Assert.Equal("channel_not_found", dead["DeadLetters"]![0]!["LastError"]!.GetValue<string>());
        await host.PostAsync("/crowsnest/replay-dead-letter", new JsonObject { ["Id"] = leased.Id });
        var replayed = (await store.Outbox.GetAsync(leased.Id, CancellationToken.None))!;
        Assert.Equal(DeliveryState.Pending, replayed.State);
        Assert.Empty((await host.PostAsync("/crowsnest/list-dead-letters", []))["DeadLetters"]!.AsArray());

        var audit = await host.PostAsync("/crowsnest/query-audit-log", []);
        var kinds = audit["Entries"]!.AsArray().Select(e => e!["Kind"]!.GetValue<string>()).ToList();
        Assert.Contains("subscription.confirm", kinds);
        Assert.Contains("subscription.drop", kinds);
        Assert.Contains("dead-letter.replay", kinds);
        Assert.Contains("api-key.create", kinds);
        Assert.All(audit["Entries"]!.AsArray(), e => Assert.Equal("bootstrap-token", e!["Actor"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Custom_actions_tags_and_account_preferences_follow_the_aws_shapes()
    {
        await using var host = await ControlPlaneHost.StartAsync();
        var created = await host.PostAsync("/create-slack-channel-configuration", new JsonObject
        {
            ["SlackTeamId"] = "T0ABC",
            ["SlackChannelId"] = "C0ABC",
            ["ConfigurationName"] = "tagged",
            ["IamRoleArn"] = "arn:aws:iam::123456789012:role/r",
        });
        var arn = created["ChannelConfiguration"]!["ChatConfigurationArn"]!.GetValue<string>();
        var action = await host.PostAsync("/create-custom-action", new JsonObject
        {
            ["ActionName"] = "restart",
            ["Definition"] = new JsonObject { ["CommandText"] = "ecs update-service --force-new-deployment" },
        });
        var actionArn = action["CustomActionArn"]!.GetValue<string>();
        Assert.Equal("arn:aws:chatbot::000000000000:custom-action/restart", actionArn);
        await host.PostAsync("/associate-to-configuration", new JsonObject { ["Resource"] = actionArn, ["ChatConfiguration"] = arn });
        var associations = await host.PostAsync("/list-associations", new JsonObject { ["ChatConfiguration"] = arn });
        Assert.Equal(actionArn, associations["Associations"]![0]!["Resource"]!.GetValue<string>());

        await host.PostAsync("/tag-resource", new JsonObject { ["ResourceARN"] = arn, ["Tags"] = new JsonArray(new JsonObject { ["TagKey"] = "env", ["TagValue"] = "prod" }) });
        var tags = await host.PostAsync("/list-tags-for-resource", new JsonObject { ["ResourceARN"] = arn });
        Assert.Equal("prod", tags["Tags"]![0]!["TagValue"]!.GetValue<string>());
        using var missing = await host.SendAsync("/list-tags-for-resource", new JsonObject { ["ResourceARN"] = arn + "x" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        var preferences = await host.PostAsync("/update-account-preferences", new JsonObject { ["UserAuthorizationRequired"] = true });
        Assert.True(preferences["AccountPreferences"]!["UserAuthorizationRequired"]!.GetValue<bool>());
        Assert.True((await host.PostAsync("/get-account-preferences", []))["AccountPreferences"]!["UserAuthorizationRequired"]!.GetValue<bool>());
    }
}
