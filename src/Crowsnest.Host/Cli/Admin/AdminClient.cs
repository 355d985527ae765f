using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crowsnest.Host.Cli.Admin;

/// <summary>The admin CLI's only way in: the public REST API with a bearer token.</summary>
internal sealed class AdminClient(string endpoint, string token) : IDisposable
{
    private readonly HttpClient _http = CreateHttp(endpoint, token);

    /// <summary>The answer, or the error (type and message) the API gave.</summary>
    public async Task<(JsonObject? Result, string? Error)> PostAsync(string path, JsonObject body, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.PostAsync(path.TrimStart('/'), new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return (text.Length == 0 ? [] : JsonNode.Parse(text)?.AsObject() ?? [], null);
            }
            var type = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First() : $"HTTP {(int)response.StatusCode}";
            var message = TryMessage(text);
            return (null, $"{type}: {message}");
        }
        catch (HttpRequestException e)
        {
            return (null, $"cannot reach {endpoint}: {e.Message}");
        }
    }

    public void Dispose() => _http.Dispose();

    private static string TryMessage(string text)
    {
        try
        {
            return JsonDocument.Parse(text).RootElement.GetProperty("message").GetString() ?? text;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return text;
        }
    }

    private static HttpClient CreateHttp(string endpoint, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(endpoint.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }
}
