using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Host.Tests.Delivery;
using Crowsnest.Host.Tests.Intake;
using Crowsnest.Notifications.Ingest.Sources;
using Crowsnest.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests.ControlPlane;

/// <summary>Event and webhook sources created through the API (and the admin CLI), then used over real HTTP.</summary>
public sealed class SourceOperationsTests
{
    private const string Custom = "{\"version\":\"1.0\",\"source\":\"custom\",\"content\":{\"title\":\"Deploy\",\"description\":\"deploy 42 done\"}}";

    [Fact]
    public async Task A_webhook_source_created_through_the_api_delivers_with_its_token_and_refuses_a_wrong_one()
    {
        await using var host = await ControlPlaneHost.StartAsync(overrides: new() { ["Delivery:PollInterval"] = "00:00:00.050" });
        var created = await host.PostAsync("/crowsnest/create-webhook-source", new JsonObject { ["SourceId"] = "deploys" });
        var token = created["Token"]!.GetValue<string>();
        Assert.True(token.Length >= 32);
        Assert.Equal("/webhooks/deploys", created["WebhookSource"]!["Endpoint"]!.GetValue<string>());
        await host.PostAsync("/crowsnest/create-channel-configuration", new JsonObject
        {
            ["TargetType"] = "console",
            ["ConfigurationName"] = "deploys-inbox",
            ["InboxName"] = "deploys",
            ["Sources"] = new JsonArray("deploys"),
        });

        var snapshot = host.Host.App.Services.GetRequiredService<ConfigSnapshotSource>();
        await Eventually.WaitAsync(() => Task.FromResult(snapshot.Current.ForSource("deploys").Count), n => n == 1, TimeSpan.FromSeconds(20), "the configuration snapshot");

        var ok = await PostUntilKnownAsync(host, "/webhooks/deploys", ("X-Crowsnest-Token", token));
        var wrong = await IntakeHttp.PostAsync(host.Host.Http, "/webhooks/deploys", Custom, "application/json", ("X-Crowsnest-Token", token + "x"));
        var none = await IntakeHttp.PostAsync(host.Host.Http, "/webhooks/deploys", Custom, "application/json");

        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        var stored = await Eventually.WaitAsync(() => host.Host.Store.Inbox.GetAsync("webhooks:deploys:first", CancellationToken.None),
            n => n is { State: not NotificationState.Received }, TimeSpan.FromSeconds(30), "processing");
        Assert.True(stored!.State == NotificationState.Processed, $"{stored.State} {stored.Error}");
        var delivered = await Eventually.WaitAsync(
            () => host.Host.Store.Outbox.ListAsync(new DeliveryQuery(NotificationId: "webhooks:deploys:first"), CancellationToken.None),
            d => d.Count == 1 && d[0].State == DeliveryState.Delivered, TimeSpan.FromSeconds(30), "the console delivery");
        Assert.Equal("console:deploys", delivered[0].TargetKey);
        Assert.Contains("deploy 42 done", delivered[0].Payload, StringComparison.Ordinal);

        // The token was shown once: never listed, described or audited.
        var listed = (await host.PostAsync("/crowsnest/list-webhook-sources", [])).ToJsonString();
        var described = (await host.PostAsync("/crowsnest/describe-webhook-source", new JsonObject { ["SourceId"] = "deploys" })).ToJsonString();
        var audit = (await host.PostAsync("/crowsnest/query-audit-log", [])).ToJsonString();
        Assert.Contains("deploys", listed, StringComparison.Ordinal);
        Assert.Contains("X-Crowsnest-Token", described, StringComparison.Ordinal);
        Assert.All([listed, described, audit], text => Assert.DoesNotContain(token, text, StringComparison.Ordinal));
        Assert.Contains("webhook-source.create", audit, StringComparison.Ordinal);

        var duplicate = await host.SendAsync("/crowsnest/create-webhook-source", new JsonObject { ["SourceId"] = "deploys" });
        Assert.Equal("ConflictException", (await ControlPlaneHost.ErrorOf(duplicate)).Type);
        var invalid = await host.SendAsync("/crowsnest/create-webhook-source", new JsonObject { ["SourceId"] = "Bad Id", ["Authentication"] = "OAUTH", ["Token"] = "short" });
        var (type, message) = await ControlPlaneHost.ErrorOf(invalid);
        Assert.Equal("InvalidParameterException", type);
        Assert.Contains("SourceId", message, StringComparison.Ordinal);
        Assert.Contains("Authentication", message, StringComparison.Ordinal);
        await host.PostAsync("/crowsnest/delete-webhook-source", new JsonObject { ["SourceId"] = "deploys" });
        Assert.Equal(HttpStatusCode.Unauthorized, await PostUntilRefusedAsync(host, "/webhooks/deploys", ("X-Crowsnest-Token", token)));
    }

    [Fact]
    public async Task Event_sources_and_hmac_webhooks_take_given_or_generated_secrets_and_the_cli_manages_them()
    {
        await using var host = await ControlPlaneHost.StartAsync();
        var env = new Dictionary<string, string> { ["CROWSNEST_ENDPOINT"] = host.Host.BaseUrl, ["CROWSNEST_TOKEN"] = ControlPlaneHost.BootstrapToken };

        var basic = JsonDocument.Parse(await CliAsync(env, "sources", "events", "create", "--id", "eb-basic", "--authorization-type", "BASIC", "-o", "json")).RootElement;
        var password = basic.GetProperty("Password").GetString()!;
        var keyed = await host.PostAsync("/crowsnest/create-event-source", new JsonObject { ["SourceId"] = "eb-key", ["ApiKeyValue"] = "given-api-key-value-0001" });
        var hmac = await host.PostAsync("/crowsnest/create-webhook-source", new JsonObject { ["SourceId"] = "signed", ["Authentication"] = "HMAC" });
        var signingSecret = hmac["SigningSecret"]!.GetValue<string>();
        Assert.Equal("given-api-key-value-0001", keyed["ApiKeyValue"]!.GetValue<string>());

        var eventBody = $"{{\"version\":\"0\",\"id\":\"{Guid.NewGuid()}\",\"detail-type\":\"Test\",\"source\":\"my.app\",\"detail\":{{}}}}";
        var basicAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("eventbridge:" + password));
        Assert.Equal(HttpStatusCode.OK, await PostUntilKnownAsync(host, "/events/eb-basic", ("Authorization", basicAuth), eventBody));
        Assert.Equal(HttpStatusCode.OK, (await IntakeHttp.PostAsync(host.Host.Http, "/events", eventBody.Replace("\"id\":\"", "\"id\":\"2", StringComparison.Ordinal), "application/json",
            ("x-api-key", "given-api-key-value-0001"))).Status);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v1=" + SourceAuthenticator.Sign(signingSecret, ts, Encoding.UTF8.GetBytes(Custom));
        Assert.Equal(HttpStatusCode.OK, (await IntakeHttp.PostAsync(host.Host.Http, "/webhooks/signed", Custom, "application/json",
            ("X-Crowsnest-Timestamp", ts), ("X-Crowsnest-Signature", signature))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await IntakeHttp.PostAsync(host.Host.Http, "/events/eb-basic", eventBody, "application/json",
            ("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("eventbridge:wrong-password"))))).Status);

        var table = await CliAsync(env, "sources", "events", "list");
        Assert.Matches(@"eb-basic\s+BASIC\s+/events/eb-basic", table);
        Assert.DoesNotContain(password, table, StringComparison.Ordinal);
        await CliAsync(env, "sources", "events", "delete", "--id", "eb-basic");
        Assert.DoesNotContain("eb-basic", await CliAsync(env, "sources", "events", "list"), StringComparison.Ordinal);
    }

    /// <summary>Posts until the intake's source cache (one second) knows the new source; returns the last status.</summary>
    private static async Task<HttpStatusCode> PostUntilKnownAsync(ControlPlaneHost host, string path, (string, string) auth, string body = Custom)
    {
        var result = await Eventually.WaitAsync(() => IntakeHttp.PostAsync(host.Host.Http, path, body, "application/json", auth, ("Idempotency-Key", "first")),
            r => r.Status != HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10), $"{path} accepting the new source");
        return result.Status;
    }

    private static async Task<HttpStatusCode> PostUntilRefusedAsync(ControlPlaneHost host, string path, (string, string) auth)
    {
        var result = await Eventually.WaitAsync(() => IntakeHttp.PostAsync(host.Host.Http, path, Custom, "application/json", auth),
            r => r.Status != HttpStatusCode.OK, TimeSpan.FromSeconds(10), $"{path} refusing the deleted source");
        return result.Status;
    }

    private static async Task<string> CliAsync(Dictionary<string, string> env, params string[] args)
    {
        var result = await ExternalTool.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "Crowsnest.Host.dll"), .. args], env);
        Assert.True(result.ExitCode == 0, $"crowsnest {string.Join(' ', args)} failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout;
    }
}
