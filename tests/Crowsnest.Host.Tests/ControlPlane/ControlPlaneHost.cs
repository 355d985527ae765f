using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crowsnest.Host.Tests.ControlPlane;

/// <summary>A running crowsnest with a known bootstrap token and one issued access key, on SQLite or PostgreSQL.</summary>
internal sealed class ControlPlaneHost : IAsyncDisposable
{
    public const string BootstrapToken = "test-bootstrap-token-0123456789";

    private ControlPlaneHost(TestHost host, string accessKeyId, string secretAccessKey)
    {
        Host = host;
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        Admin = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        Admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BootstrapToken);
    }

    public TestHost Host { get; }

    public string AccessKeyId { get; }

    public string SecretAccessKey { get; }

    /// <summary>An HTTP client with the bootstrap bearer token.</summary>
    public HttpClient Admin { get; }

    public static async Task<ControlPlaneHost> StartAsync(string store = "sqlite", Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?> { ["Api:BootstrapToken"] = BootstrapToken, ["Api:SnapshotPollInterval"] = "00:00:00.200" };
        if (store == "postgres")
        {
            settings["Store:Kind"] = "postgres";
            settings["Store:ConnectionString"] = await PostgresDatabase.CreateAsync();
        }
        foreach (var (name, value) in overrides ?? [])
        {
            settings[name] = value;
        }
        var host = await TestHost.StartAsync(settings);
        using var admin = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BootstrapToken);
        var key = await PostAsync(admin, "/crowsnest/create-access-key", new JsonObject { ["Name"] = "tests" });
        return new ControlPlaneHost(host, key["AccessKeyId"]!.GetValue<string>(), key["SecretAccessKey"]!.GetValue<string>());
    }

    /// <summary>Posts JSON with the bootstrap token; fails the test on a non-success status.</summary>
    public Task<JsonObject> PostAsync(string path, JsonObject body) => PostAsync(Admin, path, body);

    /// <summary>Posts JSON with the bootstrap token and returns the raw answer.</summary>
    public Task<HttpResponseMessage> SendAsync(string path, JsonObject body) => Admin.PostAsJsonAsync(path, body);

    public static async Task<JsonObject> PostAsync(HttpClient client, string path, JsonObject body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    public static async Task<(string Type, string Message)> ErrorOf(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(response.Headers.GetValues("x-amzn-ErrorType").Single(), body.GetProperty("__type").GetString());
        return (body.GetProperty("__type").GetString()!, body.GetProperty("message").GetString()!);
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
    }
}
