using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.TestKit.Slack;

namespace Crowsnest.Tests.TestKit;

/// <summary>Raw Web API calls against a <see cref="SlackEmulator"/>, as a client would make them.</summary>
internal sealed class SlackCalls(SlackEmulator slack) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public string? Token { get; set; } = slack.BotToken;

    public Task<SlackAnswer> FormAsync(string method, params (string Key, string Value)[] args) =>
        SendAsync(method, new FormUrlEncodedContent(args.Select(a => KeyValuePair.Create(a.Key, a.Value))));

    public Task<SlackAnswer> JsonAsync(string method, JsonObject body) =>
        SendAsync(method, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

    public Task<SlackAnswer> RawAsync(string method, string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return SendAsync(method, content);
    }

    public async Task<SlackAnswer> GetAsync(string method, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(slack.ApiUrl, method + "?" + query));
        return await SendAsync(request);
    }

    public Task<SlackAnswer> PostAsync(string text, string channel = "C01ALERTS", string? threadTs = null) =>
        threadTs is null
            ? FormAsync("chat.postMessage", ("channel", channel), ("text", text))
            : FormAsync("chat.postMessage", ("channel", channel), ("text", text), ("thread_ts", threadTs));

    private async Task<SlackAnswer> SendAsync(string method, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(slack.ApiUrl, method)) { Content = content };
        return await SendAsync(request);
    }

    private async Task<SlackAnswer> SendAsync(HttpRequestMessage request)
    {
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new SlackAnswer((int)response.StatusCode, JsonNode.Parse(text)!.AsObject(), response.Headers.RetryAfter?.Delta);
    }

    public void Dispose() => _http.Dispose();
}

internal sealed record SlackAnswer(int Status, JsonObject Body, TimeSpan? RetryAfter)
{
    public bool Ok => Body["ok"]!.GetValue<bool>();

    public string? Error => Body["error"]?.GetValue<string>();

    public string Ts => Body["ts"]!.GetValue<string>();
}
