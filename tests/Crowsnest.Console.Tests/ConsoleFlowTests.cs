using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crowsnest.Console.Tests;

/// <summary>
/// The whole console in Chromium against a real <c>crowsnest serve</c>: first-run setup and sign-in, every page
/// (screenshots kept, JavaScript errors fail the test), a console-inbox configuration with a test message, a corpus
/// event previewed, a failed webhook delivery retried, API keys, the audit log, and signing out.
/// </summary>
public sealed class ConsoleFlowTests : IAsyncLifetime
{
    private const string ValidationAnswer = "Failed to load resource: the server responded with a status of 400";
    private ConsoleServer _server = null!;
    private ConsoleBrowser _browser = null!;
    private HookReceiver _hook = null!;

    public async Task InitializeAsync()
    {
        _server = await ConsoleServer.StartAsync();
        _browser = await ConsoleBrowser.LaunchAsync();
        _hook = await HookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _hook.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task An_admin_configures_tests_previews_retries_and_signs_out()
    {
        var page = await _browser.NewPageAsync();
        await ConsoleSteps.SetUpAsync(page, _server);
        await ConsoleSteps.SignInAsync(page, _server);
        await ConsoleBrowser.ScreenshotAsync(page, "overview");
        AssertNoJavaScriptErrors();

        await CreateConsoleConfigurationAsync(page);
        await SendTestMessageToInboxAsync(page);
        await PreviewCorpusEventAsync(page);
        await RetryFailedDeliveryAsync(page);
        await ManageKeysAsync(page);
        await FilterAuditLogAsync(page);
        foreach (var (link, shot) in new[] { ("Chat clients", "clients"), ("Actions and aliases", "actions-and-aliases"), ("Overview", "overview-after") })
        {
            await ConsoleSteps.VisitAsync(page, link, shot);
        }
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "dead letters" })).ToBeVisibleAsync();
        AssertNoJavaScriptErrors();

        await SignOutAsync(page);
        AssertNoJavaScriptErrors();
    }

    private async Task CreateConsoleConfigurationAsync(IPage page)
    {
        await ConsoleSteps.VisitAsync(page, "Configurations", "configurations");
        var form = page.Locator("form", new() { HasText = "New configuration" });
        // Every problem at once, each next to its field.
        _browser.ExpectedErrorPrefixes.Add(ValidationAnswer);
        await form.GetByLabel("Configuration name").FillAsync("ops-inbox");
        await form.GetByLabel("SNS topic ARNs (one per line, any region)").FillAsync("arn:aws:sns:us-east-1:123456789012:alarms\nnot-a-topic");
        await form.GetByLabel("Accounts (12-digit ids)").FillAsync("12345");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create configuration" }).ClickAsync();
        await Expect(form.GetByRole(AriaRole.Alert)).ToContainTextAsync("problems");
        await Expect(FieldError(form, "snsTopicArns")).ToContainTextAsync("not-a-topic");
        await Expect(FieldError(form, "eventFilter.accounts")).ToContainTextAsync("12-digit");
        await Expect(FieldError(form, "inboxName")).ToBeVisibleAsync();
        await Expect(form.GetByLabel("SNS topic ARNs (one per line, any region)")).ToHaveAttributeAsync("aria-invalid", "true");
        await ConsoleBrowser.ScreenshotAsync(page, "configurations-validation");

        await form.GetByLabel("Inbox name").FillAsync("ops");
        await form.GetByLabel("SNS topic ARNs (one per line, any region)").FillAsync("arn:aws:sns:us-east-1:123456789012:alarms\narn:aws:sns:eu-west-1:123456789012:alarms");
        await form.GetByLabel("Accounts (12-digit ids)").FillAsync("");
        await Expect(form.GetByText("allows cloudwatch:Describe*")).ToBeVisibleAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Create configuration" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Saved ops-inbox");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "ops-inbox" })).ToContainTextAsync("eu-west-1");

        // Editing keeps what is not changed and saves what is.
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit ops-inbox" }).ClickAsync();
        var edit = page.Locator("form", new() { HasText = "Edit ops-inbox" });
        await Expect(edit.GetByLabel("Inbox name")).ToHaveValueAsync("ops");
        await edit.GetByLabel("Logging level").SelectOptionAsync("ERROR");
        await edit.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        // Saved: the list is reloaded and the form is a new one again.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New configuration" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit ops-inbox" }).ClickAsync();
        await Expect(page.Locator("form", new() { HasText = "Edit ops-inbox" }).GetByLabel("Logging level")).ToHaveValueAsync("ERROR");
        await ConsoleBrowser.ScreenshotAsync(page, "configurations-edit");
        await page.Locator("form", new() { HasText = "Edit ops-inbox" }).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        AssertNoJavaScriptErrors();
    }

    private async Task SendTestMessageToInboxAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test message to ops-inbox" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Test message queued for ops-inbox");
        await ConsoleSteps.VisitAsync(page, "Inbox", "inbox-before");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test message for ops-inbox" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await ConsoleBrowser.ScreenshotAsync(page, "inbox");
        AssertNoJavaScriptErrors();
    }

    private async Task PreviewCorpusEventAsync(IPage page)
    {
        await ConsoleSteps.VisitAsync(page, "Event preview", "preview-empty");
        var payload = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "corpus", "lambda-alarm-action-metric-alarm.json"));
        await page.GetByLabel("Notification or event payload").FillAsync(payload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("cloudwatch.alarm");
        foreach (var platform in new[] { "Slack", "Microsoft Teams", "Amazon Chime", "Webhook" })
        {
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = $"{platform} rendering" })).ToBeVisibleAsync();
        }
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Slack rendering" })).ToContainTextAsync("blocks");
        await ConsoleBrowser.ScreenshotAsync(page, "preview");
        AssertNoJavaScriptErrors();
    }

    private async Task RetryFailedDeliveryAsync(IPage page)
    {
        await ConsoleSteps.VisitAsync(page, "Configurations", "configurations-list");
        var form = page.Locator("form", new() { HasText = "New configuration" });
        await form.GetByLabel("Configuration name").FillAsync("builds-hook");
        await form.GetByLabel("Target type").SelectOptionAsync("webhook");
        await form.GetByLabel("Webhook URL (kept secret)").FillAsync(_hook.Url);
        await form.GetByRole(AriaRole.Button, new() { Name = "Create configuration" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Saved builds-hook");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test message to builds-hook" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Test message queued for builds-hook");

        // The receiver answers 403: a permanent failure, dead-lettered with its error.
        await ConsoleSteps.VisitAsync(page, "Deliveries", "deliveries");
        await page.GetByLabel("State").SelectOptionAsync("Dead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row, new() { Name = "Test message for builds-hook" });
        await Expect(row).ToContainTextAsync("403", new() { Timeout = 30_000 });
        await ConsoleBrowser.ScreenshotAsync(page, "deliveries-dead");

        _hook.Accept();
        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("queued again");
        await page.GetByLabel("State").SelectOptionAsync("Delivered");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Test message for builds-hook" })).ToContainTextAsync("Delivered", new() { Timeout = 30_000 });
        Assert.Equal(2, _hook.Received);
        await ConsoleBrowser.ScreenshotAsync(page, "deliveries-retried");
        AssertNoJavaScriptErrors();
    }

    private async Task ManageKeysAsync(IPage page)
    {
        await ConsoleSteps.VisitAsync(page, "API keys", "keys");
        await page.GetByLabel("Name").FillAsync("terraform");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        var secret = await page.Locator("#issued-secret").TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(secret));
        var row = page.GetByRole(AriaRole.Row, new() { Name = "terraform" });
        await Expect(row).ToContainTextAsync("access-key");
        await ConsoleBrowser.ScreenshotAsync(page, "keys-created");
        // The secret is shown once: the list never carries it.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "terraform" })).ToBeVisibleAsync();
        Assert.DoesNotContain(secret!, await page.ContentAsync(), StringComparison.Ordinal);
        row = page.GetByRole(AriaRole.Row, new() { Name = "terraform" });
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new("^Revoke") }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new("^Confirm revoking") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("is revoked");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "terraform" }).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        AssertNoJavaScriptErrors();
    }

    private async Task FilterAuditLogAsync(IPage page)
    {
        await ConsoleSteps.VisitAsync(page, "Audit log", "audit");
        await page.GetByLabel("Kind").FillAsync("delivery.retry");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(2); // the header and the one retry
        await Expect(rows.Nth(1)).ToContainTextAsync("console:admin");
        await ConsoleBrowser.ScreenshotAsync(page, "audit-filtered");
        AssertNoJavaScriptErrors();
    }

    private async Task SignOutAsync(IPage page)
    {
        var cookies = await _browser.Context.CookiesAsync();
        var cookieHeader = string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}"));
        var csrf = cookies.Single(c => c.Name == "crowsnest_csrf").Value;
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(_server.BaseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, cookieHeader, csrf)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(http, cookieHeader, csrf: null)).StatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/console/sign-in?signed-out=1");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("signed out");
        await ConsoleBrowser.ScreenshotAsync(page, "signed-out");

        foreach (var name in new[] { "overview", "clients", "configurations", "deliveries", "inbox", "preview", "audit", "aliases", "keys" })
        {
            await page.GotoAsync($"{_server.BaseUrl}/console/{name}");
            Assert.EndsWith($"/console/sign-in?next={name}", page.Url, StringComparison.Ordinal);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/console/{name}");
            request.Headers.Add("Cookie", cookieHeader);
            var answer = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        }
        // The old session cookie is dead on the server, not just forgotten by the browser.
        foreach (var operation in new[] { "/crowsnest/get-overview", "/crowsnest/list-channel-configurations", "/crowsnest/list-credentials", "/describe-slack-workspaces" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, cookieHeader, csrf, operation)).StatusCode);
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string cookies, string? csrf, string path = "/crowsnest/get-overview")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Cookie", cookies);
        if (csrf is not null)
        {
            request.Headers.Add("X-Crowsnest-Csrf", csrf);
        }
        return http.SendAsync(request);
    }

    private static ILocator FieldError(ILocator form, string path) => form.Locator($".field[data-path='{path}'] .error");

    private void AssertNoJavaScriptErrors() => Assert.Empty(_browser.TakeErrors());
}
