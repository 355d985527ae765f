using Crowsnest.TestKit.Slack;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crowsnest.Console.Tests;

/// <summary>Registering Slack workspaces in the console and checking each live with <c>auth.test</c> (the Slack emulator).</summary>
public sealed class ChatClientsTests : IAsyncLifetime
{
    private SlackEmulator _slack = null!;
    private ConsoleServer _server = null!;
    private ConsoleBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _slack = await SlackEmulator.StartAsync();
        _server = await ConsoleServer.StartAsync(new Dictionary<string, string> { ["CROWSNEST_DELIVERY__SLACKAPIURL"] = _slack.ApiUrl.ToString() });
        _browser = await ConsoleBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
        await _slack.DisposeAsync();
    }

    [Fact]
    public async Task A_registered_workspace_is_checked_live_and_a_revoked_token_is_reported()
    {
        var page = await _browser.NewPageAsync();
        await ConsoleSteps.SetUpAsync(page, _server);
        await ConsoleSteps.SignInAsync(page, _server);
        await ConsoleSteps.VisitAsync(page, "Chat clients", "clients-empty");
        var form = page.Locator("form", new() { HasText = "Register a Slack workspace" });

        // Both bad secrets are reported at once, next to their fields.
        _browser.ExpectedErrorPrefixes.Add("Failed to load resource: the server responded with a status of 400");
        await form.GetByLabel("Team id").FillAsync("T01CROWS");
        await form.GetByLabel("Team name").FillAsync("Crows");
        await form.GetByLabel("Bot token (kept secret)").FillAsync("not-a-token");
        await form.GetByLabel("Signing secret (kept secret)").FillAsync("short");
        await form.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(form.Locator(".field[data-path='botToken'] .error")).ToContainTextAsync("xoxb-");
        await Expect(form.Locator(".field[data-path='signingSecret'] .error")).ToContainTextAsync("16 characters");

        await Register(form, "T01CROWS", _slack.BotToken);
        await Register(form, "T02REVOKED", "xoxb-1-revoked-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check T01CROWS with Slack" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("T01CROWS: auth.test succeeded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check T02REVOKED with Slack" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("token_revoked");
        await ConsoleBrowser.ScreenshotAsync(page, "clients");
        // The page never shows a stored secret.
        Assert.DoesNotContain(_slack.BotToken, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(_browser.TakeErrors());
    }

    private static async Task Register(ILocator form, string teamId, string token)
    {
        await form.GetByLabel("Team id").FillAsync(teamId);
        await form.GetByLabel("Team name").FillAsync("Crows " + teamId);
        await form.GetByLabel("Bot token (kept secret)").FillAsync(token);
        await form.GetByLabel("Signing secret (kept secret)").FillAsync("0123456789abcdef0123");
        await form.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(form.Page.GetByRole(AriaRole.Row, new() { Name = teamId })).ToBeVisibleAsync();
    }
}
