using System.Net;
using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.Host.Tests.ControlPlane;

/// <summary>Saving a Slack channel configuration asks the Slack emulator (auth.test, conversations.info) first.</summary>
public sealed class SlackConfigurationCheckTests
{
    [Fact]
    public async Task A_channel_the_bot_can_post_to_is_saved_and_each_definite_problem_is_a_clear_aws_error()
    {
        await using var slack = await SlackEmulator.StartAsync();
        await using var host = await ControlPlaneHost.StartAsync(overrides: new() { ["Delivery:SlackApiUrl"] = slack.ApiUrl.ToString() });
        var team = slack.Options.Workspace.TeamId;
        await RegisterAsync(host, team, slack.BotToken);

        var saved = await host.PostAsync("/create-slack-channel-configuration", Slack(team, "C01ALERTS", "ok"));
        var notFound = await FailAsync(host, "/create-slack-channel-configuration", Slack(team, "C09MISSING", "missing"));
        var notMember = await FailAsync(host, "/create-slack-channel-configuration", Slack(team, "C02NOBOT", "no-bot"));
        var arn = saved["ChannelConfiguration"]!["ChatConfigurationArn"]!.GetValue<string>();
        var moved = await FailAsync(host, "/update-slack-channel-configuration", new JsonObject { ["ChatConfigurationArn"] = arn, ["SlackChannelId"] = "C02NOBOT" });
        var crowsnestApi = await FailAsync(host, "/crowsnest/create-channel-configuration", new JsonObject
        {
            ["TargetType"] = "slack-channel",
            ["ConfigurationName"] = "via-crowsnest",
            ["SlackTeamId"] = team,
            ["SlackChannelId"] = "C09MISSING",
            ["IamRoleArn"] = "arn:aws:iam::123456789012:role/r",
        });

        Assert.Equal("C01ALERTS", saved["ChannelConfiguration"]!["SlackChannelId"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidParameterException"), (notFound.Status, notFound.Type));
        Assert.Contains("C09MISSING was not found", notFound.Message, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "InvalidRequestException"), (notMember.Status, notMember.Type));
        Assert.Contains("not a member of Slack channel #no-bot (C02NOBOT)", notMember.Message, StringComparison.Ordinal);
        Assert.Equal("InvalidRequestException", moved.Type);
        Assert.Equal("InvalidParameterException", crowsnestApi.Type);
        var stored = await host.Host.Store.Resources.ListAllAsync([ResourceKinds.Configuration], CancellationToken.None);
        Assert.Single(stored);
        Assert.Contains("C01ALERTS", stored[0].Document, StringComparison.Ordinal);
        Assert.Contains(slack.Received.All(), r => r.Operation == "conversations.info");
    }

    [Fact]
    public async Task An_invalid_token_is_refused_without_showing_it_and_an_unreachable_slack_does_not_block_saving()
    {
        await using var slack = await SlackEmulator.StartAsync();
        await using var host = await ControlPlaneHost.StartAsync(overrides: new() { ["Delivery:SlackApiUrl"] = slack.ApiUrl.ToString() });
        var team = slack.Options.Workspace.TeamId;
        const string Revoked = "xoxb-1-revoked-token";
        await RegisterAsync(host, team, Revoked);

        var invalid = await FailAsync(host, "/create-slack-channel-configuration", Slack(team, "C01ALERTS", "revoked"));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidRequestException"), (invalid.Status, invalid.Type));
        Assert.Contains($"bot token registered for Slack workspace {team} does not work", invalid.Message, StringComparison.Ordinal);
        Assert.Contains("token_revoked", invalid.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Revoked, invalid.Message, StringComparison.Ordinal);

        await RegisterAsync(host, team, slack.BotToken);
        slack.Faults.AddOutage(TimeSpan.FromMinutes(1), TimeSpan.Zero);
        var saved = await host.PostAsync("/create-slack-channel-configuration", Slack(team, "C01ALERTS", "during-outage"));
        Assert.NotNull(saved["ChannelConfiguration"]);
    }

    private static JsonObject Slack(string team, string channel, string name) => new()
    {
        ["SlackTeamId"] = team,
        ["SlackChannelId"] = channel,
        ["ConfigurationName"] = name,
        ["IamRoleArn"] = "arn:aws:iam::123456789012:role/r",
    };

    private static Task<JsonObject> RegisterAsync(ControlPlaneHost host, string team, string token) =>
        host.PostAsync("/crowsnest/register-slack-workspace", new JsonObject
        {
            ["SlackTeamId"] = team,
            ["SlackTeamName"] = "Test",
            ["BotToken"] = token,
            ["SigningSecret"] = "0123456789abcdef0123",
        });

    private static async Task<(HttpStatusCode Status, string Type, string Message)> FailAsync(ControlPlaneHost host, string path, JsonObject body)
    {
        using var response = await host.SendAsync(path, body);
        var (type, message) = await ControlPlaneHost.ErrorOf(response);
        return (response.StatusCode, type, message);
    }
}
