using System.Net;
using System.Text;
using Crowsnest.Storage;

namespace Crowsnest.Host.Tests.Intake;

internal static class IntakeHttp
{
    public static Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, string path, string body, string contentType = "text/plain", params (string Name, string Value)[] headers) =>
        PostAsync(http, path, body, contentType, expectContinue: false, headers);

    public static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, string path, string body, string contentType, bool expectContinue, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Headers.ExpectContinue = expectContinue;
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var answer = await http.SendAsync(request);
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }

    /// <summary>Stores a valid console-inbox configuration naming <paramref name="topics"/> (the snapshot validates what it loads).</summary>
    public static Task<ResourceWriteResult> AddConfigurationAsync(IStore store, string name, params string[] topics)
    {
        var arn = $"arn:aws:chatbot::000000000000:chat-configuration/console/{name}";
        var document = new Crowsnest.Configuration.ChannelConfigurationDocument
        {
            ChatConfigurationArn = arn,
            ConfigurationName = name,
            TargetType = Crowsnest.Configuration.TargetTypes.Console,
            InboxName = name,
            SnsTopicArns = topics,
            IamRoleArn = "arn:aws:iam::000000000000:role/crowsnest-test",
        };
        return store.Resources.CreateAsync(
            new ResourceRecord("configuration", arn, name, Crowsnest.Configuration.ConfigurationJson.Write(document), null, 0, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow),
            CancellationToken.None);
    }
}
