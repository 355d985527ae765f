using System.Text.RegularExpressions;

namespace Crowsnest.Host.Tests.Intake;

/// <summary>SNS calls to moto over its query API (AWSSDK.SNS is not served here).</summary>
internal static partial class MotoSns
{
    public static async Task<string> CallAsync(string motoUrl, Dictionary<string, string> form)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        form["Version"] = "2010-03-31";
        using var content = new FormUrlEncodedContent(form);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(motoUrl + "/")) { Content = content };
        // moto routes unsigned loopback calls by the credential scope's service name.
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=00");
        using var answer = await http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, text);
        return text;
    }

    public static async Task<string> CreateTopicAsync(string motoUrl, string name) =>
        TopicArn().Match(await CallAsync(motoUrl, new() { ["Action"] = "CreateTopic", ["Name"] = name })).Groups[1].Value;

    public static Task<string> SubscribeQueueAsync(string motoUrl, string topicArn, string queueArn, bool raw) =>
        CallAsync(motoUrl, new()
        {
            ["Action"] = "Subscribe",
            ["TopicArn"] = topicArn,
            ["Protocol"] = "sqs",
            ["Endpoint"] = queueArn,
            ["Attributes.entry.1.key"] = "RawMessageDelivery",
            ["Attributes.entry.1.value"] = raw ? "true" : "false",
        });

    public static Task<string> PublishAsync(string motoUrl, string topicArn, string message) =>
        CallAsync(motoUrl, new() { ["Action"] = "Publish", ["TopicArn"] = topicArn, ["Message"] = message });

    [GeneratedRegex("<TopicArn>([^<]+)</TopicArn>")]
    private static partial Regex TopicArn();
}
