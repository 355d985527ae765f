using System.Net;
using System.Text;
using Crowsnest.Host.Tests.ControlPlane;
using Crowsnest.Host.Tests.Intake;

namespace Crowsnest.Host.Tests.Fuzz;

/// <summary>
/// Requests found by bench/Crowsnest.Fuzz that were answered 500: strings that are not valid Unicode (a lone
/// surrogate escape, invalid UTF-8 bytes) in an SNS envelope and in a configuration API request. They are client errors.
/// </summary>
public sealed class FuzzFindingsTests : IAsyncLifetime
{
    private ControlPlaneHost _host = null!;

    public async Task InitializeAsync() => _host = await ControlPlaneHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_sns_envelope_with_a_lone_surrogate_is_refused_with_400()
    {
        const string body = """{"Type":"Notification","MessageId":"\ud800","TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"x","Timestamp":"2026-01-01T00:00:00Z","SignatureVersion":"2","Signature":"AA==","SigningCertURL":"https://sns.us-east-1.amazonaws.com/x.pem"}""";

        var (status, text) = await IntakeHttp.PostAsync(_host.Admin, "/sns", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not valid Unicode", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"we\u00C3(bhook\"")]
    public async Task A_configuration_request_with_an_undecodable_string_is_refused_with_400(string targetType)
    {
        var json = $$"""{"ConfigurationName":"fuzz","TargetType":{{targetType}},"WebhookUrl":"http://127.0.0.1:9/hooks/x","SnsTopicArns":["arn:aws:sns:us-east-1:123456789012:fuzz"]}""";
        // Latin-1 turns the U+00C3 into the lone byte 0xC3: invalid UTF-8, as the fuzzer sent it.
        using var content = new ByteArrayContent(Encoding.Latin1.GetBytes(json));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");

        using var answer = await _host.Admin.PostAsync(new Uri("/crowsnest/create-channel-configuration", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("SerializationException", (await ControlPlaneHost.ErrorOf(answer)).Type);
    }

    [Fact]
    public async Task A_configuration_request_naming_a_property_twice_is_refused_with_400_and_nothing_is_created()
    {
        const string json = """{"ConfigurationName":"twice","TargetType":"webuzz","TargetType":"webhook","WebhookUrl":"http://127.0.0.1:9/hooks/x","SnsTopicArns":["arn:aws:sns:us-east-1:123456789012:fuzz"]}""";
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var answer = await _host.Admin.PostAsync(new Uri("/crowsnest/create-channel-configuration", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var (type, message) = await ControlPlaneHost.ErrorOf(answer);
        Assert.Equal("SerializationException", type);
        Assert.Contains("TargetType", message, StringComparison.Ordinal);
        using var list = await _host.Admin.PostAsync(new Uri("/crowsnest/list-channel-configurations", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.DoesNotContain("twice", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
