using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crowsnest.Host.Tests.ControlPlane;

public sealed class PreviewEventTests
{
    private const string Custom =
        """{"version":"1.0","source":"custom","content":{"title":"Backup done","description":"All *green*"}}""";

    [Fact]
    public async Task A_pasted_payload_is_recognised_and_rendered_for_every_platform()
    {
        await using var host = await ControlPlaneHost.StartAsync();

        var answer = await host.PostAsync("/crowsnest/preview-event", new JsonObject { ["Payload"] = Custom });

        var item = Assert.Single(answer["Items"]!.AsArray())!;
        Assert.Equal("custom", item["EventType"]!.GetValue<string>());
        var renderings = item["Renderings"]!.AsObject();
        Assert.Equal(["slack", "slack-webhook", "teams", "chime", "webhook", "console"], renderings.Select(r => r.Key));
        using var slack = JsonDocument.Parse(renderings["slack"]!.GetValue<string>());
        Assert.Contains("Backup done", slack.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("Backup done", renderings["console"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_reason_and_unreadable_payloads_say_why()
    {
        await using var host = await ControlPlaneHost.StartAsync();

        using var unknown = await host.SendAsync("/crowsnest/preview-event", new JsonObject { ["Payload"] = Custom, ["Platforms"] = new JsonArray("irc") });
        var unreadable = await host.PostAsync("/crowsnest/preview-event", new JsonObject { ["Payload"] = "-----BEGIN CERTIFICATE-----" });
        using var anonymous = new HttpClient { BaseAddress = host.Admin.BaseAddress };
        using var refused = await anonymous.PostAsync("/crowsnest/preview-event", new StringContent("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("irc", (await ControlPlaneHost.ErrorOf(unknown)).Message, StringComparison.Ordinal);
        Assert.Empty(unreadable["Items"]!.AsArray());
        Assert.Contains("PEM", unreadable["Error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }
}
