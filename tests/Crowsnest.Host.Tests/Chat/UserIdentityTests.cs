using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crowsnest.Configuration;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Tests.Delivery;
using Crowsnest.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests.Chat;

/// <summary>
/// <c>POST /crowsnest/create-user-identity</c>: a chat user mapped to their own IAM role through the API, checked,
/// listed and deleted with AWS Chatbot's operations, and used by the chat flow where user roles are required.
/// </summary>
public sealed class UserIdentityTests(ChatRig rig) : IClassFixture<ChatRig>
{
    [Fact]
    public async Task A_bad_identity_is_refused_with_every_error_listed_and_an_unknown_configuration_with_404()
    {
        using var bad = await PostAsync("/crowsnest/create-user-identity", new JsonObject
        {
            ["ChatConfigurationArn"] = rig.ConfigurationArn,
            ["SlackUserId"] = "alice",
            ["IamRoleArn"] = rig.GuardrailArn,
            ["AwsUserIdentity"] = "someone",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var (type, message) = await ErrorOf(bad);
        Assert.Equal("InvalidParameterException", type);
        Assert.StartsWith("4 validation errors detected", message, StringComparison.Ordinal); // awsUserIdentity: too short and not an ARN
        Assert.Contains("'iamRoleArn' is not an IAM role ARN", message, StringComparison.Ordinal);
        Assert.Contains("'slackUserId' is not a Slack user id", message, StringComparison.Ordinal);
        Assert.Contains("'awsUserIdentity'", message, StringComparison.Ordinal);

        using var missing = await PostAsync("/crowsnest/create-user-identity", new JsonObject { ["ChatConfigurationArn"] = rig.ConfigurationArn });
        Assert.StartsWith("2 validation errors detected", (await ErrorOf(missing)).Message, StringComparison.Ordinal);

        using var unknown = await PostAsync("/crowsnest/create-user-identity", new JsonObject
        {
            ["ChatConfigurationArn"] = rig.ConfigurationArn + "-gone",
            ["SlackUserId"] = ChatRig.Alice,
            ["IamRoleArn"] = rig.RoleArn,
        });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("ResourceNotFoundException", (await ErrorOf(unknown)).Type);
        Assert.Empty(await rig.Host.Store.Resources.ListAllAsync([ResourceKinds.UserIdentity], CancellationToken.None));
    }

    [Fact]
    public async Task A_created_identity_is_listed_refused_twice_and_runs_its_users_commands_as_their_role_where_user_roles_are_required()
    {
        var userRole = (await rig.AwsAsync($"iam create-role --role-name alice-{rig.Suffix} --assume-role-policy-document "
            + """'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}'""", "Role.Arn"))!;
        await rig.AwsAsync($"iam put-role-policy --role-name alice-{rig.Suffix} --policy-name read --policy-document "
            + """'{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudwatch:Describe*","Resource":"*"}]}'""", null);
        var identity = new JsonObject { ["ChatConfigurationArn"] = rig.ConfigurationArn, ["SlackUserId"] = ChatRig.Alice, ["IamRoleArn"] = userRole };

        var created = await OkAsync("/crowsnest/create-user-identity", identity);
        var view = created["SlackUserIdentity"]!;
        Assert.Equal((ChatRig.Alice, "T01CROWS", userRole), ((string)view["SlackUserId"]!, (string)view["SlackTeamId"]!, (string)view["IamRoleArn"]!));
        var listed = await OkAsync("/describe-slack-user-identities", new JsonObject { ["ChatConfigurationArn"] = rig.ConfigurationArn });
        Assert.Equal(userRole, (string)Assert.Single(listed["SlackUserIdentities"]!.AsArray())!["IamRoleArn"]!);
        using var again = await PostAsync("/crowsnest/create-user-identity", identity);
        Assert.Equal((HttpStatusCode.Conflict, "ConflictException"), (again.StatusCode, (await ErrorOf(again)).Type));
        var audited = await rig.Host.Store.Audit.QueryAsync(new AuditQuery(Kind: "user-identity.create", Limit: 10), CancellationToken.None);
        Assert.Contains(ChatRig.Alice, Assert.Single(audited).Details, StringComparison.Ordinal);

        await OkAsync("/update-account-preferences", new JsonObject { ["UserAuthorizationRequired"] = true });
        var snapshots = rig.Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await Eventually.WaitAsync(() => Task.FromResult(snapshots.Current.Preferences.UserAuthorizationRequired), r => r, TimeSpan.FromSeconds(20), "user roles required");
        try
        {
            var (bob, _, _) = await rig.MentionAsync(ChatRig.Bob, $"cloudwatch describe-alarms --alarm-names id-{rig.Suffix}");
            Assert.Contains("have none yet", SlackText.Of((await rig.BotRepliesAsync(bob, 1))[0]), StringComparison.Ordinal);

            var (alice, _, _) = await rig.MentionAsync(ChatRig.Alice, $"cloudwatch describe-alarms --alarm-names id-{rig.Suffix}");
            Assert.Contains("I ran the read-only command", SlackText.Of((await rig.BotRepliesAsync(alice, 1))[0]), StringComparison.Ordinal);
            var audit = await rig.Host.Store.Audit.QueryAsync(new AuditQuery(Kind: "command", Limit: 1000), CancellationToken.None);
            Assert.Contains(audit, a => a.Actor.EndsWith(ChatRig.Alice, StringComparison.Ordinal) && a.Outcome == "succeeded"
                && a.Reason!.Contains($"alice-{rig.Suffix}", StringComparison.Ordinal));

            await OkAsync("/delete-slack-user-identity", new JsonObject { ["ChatConfigurationArn"] = rig.ConfigurationArn, ["SlackTeamId"] = "T01CROWS", ["SlackUserId"] = ChatRig.Alice });
            var (after, _, _) = await rig.MentionAsync(ChatRig.Alice, $"cloudwatch describe-alarms --alarm-names id-{rig.Suffix}");
            Assert.Contains("have none yet", SlackText.Of((await rig.BotRepliesAsync(after, 1))[0]), StringComparison.Ordinal);
        }
        finally
        {
            await OkAsync("/update-account-preferences", new JsonObject { ["UserAuthorizationRequired"] = false });
        }
    }

    private async Task<HttpResponseMessage> PostAsync(string path, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(rig.Host.BaseUrl + path)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ChatRig.BootstrapToken);
        return await rig.Http.SendAsync(request);
    }

    private async Task<JsonObject> OkAsync(string path, JsonObject body)
    {
        using var response = await PostAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<(string Type, string Message)> ErrorOf(HttpResponseMessage response)
    {
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return ((string)body["__type"]!, (string)body["message"]!);
    }
}
