using System.Net;
using System.Net.Http.Json;
using Crowsnest.Host.WebConsole;
using Microsoft.Extensions.DependencyInjection;

namespace Crowsnest.Host.Tests.WebConsole;

/// <summary>The console's setup, sign-in, CSRF and sign-out over real HTTP (no browser).</summary>
public sealed class ConsoleSignInTests
{
    [Fact]
    public async Task Setup_works_once_and_a_session_needs_its_csrf_token_until_signed_out()
    {
        await using var host = await TestHost.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        var token = await host.App.Services.GetRequiredService<ConsoleAccounts>().IssueSetupTokenAsync(CancellationToken.None);
        Assert.NotNull(token);

        var refused = await PostAsync(http, "/console/api/setup", new { Token = token, UserName = "", Password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = await refused.Content.ReadAsStringAsync();
        Assert.True(message.Contains("2 validation errors", StringComparison.Ordinal), message);
        Assert.Contains("'userName'", message, StringComparison.Ordinal);
        Assert.Contains("'password'", message, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "/console/api/setup", new { Token = token, UserName = "root", Password = "a long enough password" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, "/console/api/setup", new { Token = token, UserName = "eve", Password = "another long password" })).StatusCode);
        Assert.Null(await host.App.Services.GetRequiredService<ConsoleAccounts>().IssueSetupTokenAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, "/console/api/sign-in", new { UserName = "root", Password = "wrong password!!" })).StatusCode);
        var signedIn = await PostAsync(http, "/console/api/sign-in", new { UserName = "root", Password = "a long enough password" });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        var setCookies = signedIn.Headers.GetValues("Set-Cookie").ToList();
        var session = Assert.Single(setCookies, c => c.StartsWith("crowsnest_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        var csrfCookie = Assert.Single(setCookies, c => c.StartsWith("crowsnest_csrf=", StringComparison.Ordinal));
        Assert.DoesNotContain("httponly", csrfCookie, StringComparison.OrdinalIgnoreCase);
        var cookies = string.Join("; ", setCookies.Select(c => c.Split(';')[0]));
        var csrf = csrfCookie.Split(';')[0]["crowsnest_csrf=".Length..];

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, "/crowsnest/get-overview", cookies, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, "/crowsnest/get-overview", cookies, "not-the-token")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(http, "/crowsnest/get-overview", cookies, csrf)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(http, "/console/api/sign-out", cookies, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(http, "/console/api/sign-out", cookies, csrf)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(http, "/crowsnest/get-overview", cookies, csrf)).StatusCode);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/console/overview");
        page.Headers.Add("Cookie", cookies);
        var answer = await http.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/console/sign-in?next=overview", answer.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("https://crowsnest.example.com:8443/;http://127.0.0.1:8080", "https://crowsnest.example.com:8443")]
    public void The_setup_link_names_a_reachable_address(string listen, string expected) =>
        Assert.Equal(expected, ConsoleSetupLink.BaseUrl(listen));

    // The API's member names are PascalCase; PostAsJsonAsync would camel-case them.
    private static Task<HttpResponseMessage> PostAsync<T>(HttpClient http, string path, T body) =>
        http.PostAsync(path, JsonContent.Create(body, options: new System.Text.Json.JsonSerializerOptions()));

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string path, string cookies, string? csrf)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) };
        request.Headers.Add("Cookie", cookies);
        if (csrf is not null)
        {
            request.Headers.Add(ConsoleSessions.CsrfHeader, csrf);
        }
        return http.SendAsync(request);
    }
}
