using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>The dry-run API: could this user run this command in this channel, and why (nothing runs).</summary>
public sealed class SimulateCommandTests(ChatRig rig) : IClassFixture<ChatRig>
{
    [Fact]
    public async Task A_denied_command_names_the_guardrail_statement_and_an_allowed_one_names_the_channel_role()
    {
        var denied = await SimulateAsync(new JsonObject { ["ChatConfigurationArn"] = rig.ConfigurationArn, ["UserId"] = ChatRig.Bob, ["Command"] = "cloudwatch delete-alarms --alarm-names x" });
        Assert.Equal("denied", denied["Decision"]!.GetValue<string>());
        Assert.Equal("Guardrail", denied["Stage"]!.GetValue<string>());
        Assert.Equal("DenyDeletes", denied["Statement"]!.GetValue<string>());
        Assert.Contains($"guard-{rig.Suffix}", denied["Reason"]!.GetValue<string>(), StringComparison.Ordinal);

        var allowed = await SimulateAsync(new JsonObject
        {
            ["Platform"] = "slack",
            ["TenantId"] = "T01CROWS",
            ["ChannelId"] = ChatRig.Channel,
            ["UserId"] = ChatRig.Alice,
            ["Command"] = "@aws cloudwatch describe-alarms",
        });
        Assert.Equal("allowed", allowed["Decision"]!.GetValue<string>());
        Assert.Equal("channel-role", allowed["Principal"]!["Kind"]!.GetValue<string>());
        Assert.Equal(rig.RoleArn, allowed["Principal"]!["RoleArn"]!.GetValue<string>());
        Assert.False(allowed["RequiresConfirmation"]!.GetValue<bool>());

        var blocked = await SimulateAsync(new JsonObject { ["ChatConfigurationArn"] = rig.ConfigurationArn, ["Command"] = "iam list-users" });
        Assert.Equal("Blocked", blocked["Stage"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_channel_or_a_bad_command_is_refused_with_a_reason()
    {
        using var noChannel = await SendAsync(new JsonObject { ["ChatConfigurationArn"] = "arn:aws:chatbot::123456789012:chat-configuration/slack-channel/none", ["Command"] = "sts get-caller-identity" });
        using var badCommand = await SendAsync(new JsonObject { ["ChatConfigurationArn"] = rig.ConfigurationArn, ["Command"] = "cloudwatch describe-alarmz" });

        Assert.Equal(HttpStatusCode.NotFound, noChannel.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCommand.StatusCode);
        Assert.Contains("describe-alarms", await badCommand.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_simulate_with_a_configuration_asks_the_running_service_and_prints_the_decision_first()
    {
        var directory = TestHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        await using var crowsnest = CrowsnestProcess.Start(directory,
        [
            "policy", "simulate", "--configuration", rig.ConfigurationArn, "--user", ChatRig.Alice, "--endpoint", rig.Host.BaseUrl, "--token", ChatRig.BootstrapToken,
            "--", "cloudwatch", "delete-alarms", "--alarm-names", "x",
        ]);
        var exit = await crowsnest.WaitForExitAsync(TimeSpan.FromSeconds(120));
        var lines = crowsnest.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(1, exit);
        Assert.Equal("denied", lines[0]);
        Assert.Contains("DenyDeletes", lines[1], StringComparison.Ordinal);
    }

    private async Task<JsonObject> SimulateAsync(JsonObject body)
    {
        using var response = await SendAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private Task<HttpResponseMessage> SendAsync(JsonObject body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(rig.Host.BaseUrl + "/crowsnest/simulate-command"))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChatRig.BootstrapToken);
        return rig.Http.SendAsync(request);
    }
}
