using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Crowsnest.Host.Tests.ControlPlane;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Calls_without_credentials_get_401_in_the_aws_error_shape_and_health_stays_open()
    {
        await using var host = await ControlPlaneHost.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = new Uri(host.Host.BaseUrl) };

        using var response = await anonymous.PostAsync("/describe-slack-channel-configurations", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", (await ControlPlaneHost.ErrorOf(response)).Type);
        using var admin = await anonymous.PostAsync("/crowsnest/list-credentials", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, admin.StatusCode);
        using var unknownPath = await anonymous.GetAsync("/anything-else");
        Assert.Equal(HttpStatusCode.Unauthorized, unknownPath.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_bearer_token_and_a_revoked_token_get_403()
    {
        await using var host = await ControlPlaneHost.StartAsync();
        var issued = await host.PostAsync("/crowsnest/create-api-token", new JsonObject { ["Name"] = "cli" });
        var token = issued["Token"]!.GetValue<string>();
        using var client = new HttpClient { BaseAddress = new Uri(host.Host.BaseUrl) };

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/get-account-preferences", new StringContent("{}"))).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token + "x");
        using var wrong = await client.PostAsync("/get-account-preferences", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("UnrecognizedClientException", (await ControlPlaneHost.ErrorOf(wrong)).Type);

        await host.PostAsync("/crowsnest/revoke-credential", new JsonObject { ["Id"] = issued["TokenId"]!.GetValue<string>() });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/get-account-preferences", new StringContent("{}"))).StatusCode);
    }

    [Fact]
    public async Task A_malformed_signature_header_gets_403()
    {
        await using var host = await ControlPlaneHost.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(host.Host.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/describe-slack-workspaces") { Content = new StringContent("{}") };
        request.Headers.TryAddWithoutValidation("Authorization", $"AWS4-HMAC-SHA256 Credential={host.AccessKeyId}/20260101/us-east-1/chatbot/aws4_request, SignedHeaders=host;x-amz-date, Signature=00");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20260101T000000Z");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("InvalidSignatureException", (await ControlPlaneHost.ErrorOf(response)).Type);
    }

    [Fact]
    public async Task Metrics_can_be_protected_by_a_setting()
    {
        await using var host = await ControlPlaneHost.StartAsync(overrides: new() { ["Api:ProtectMetrics"] = "true" });
        using var anonymous = new HttpClient { BaseAddress = new Uri(host.Host.BaseUrl) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.GetAsync("/metrics")).StatusCode);
    }
}
