using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Crowsnest.Console.Tests;

/// <summary>First-run setup, signing in with the keyboard alone, and a narrow screen.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private ConsoleServer _server = null!;
    private ConsoleBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _server = await ConsoleServer.StartAsync();
        _browser = await ConsoleBrowser.LaunchAsync(width: 375, height: 740);
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_setup_link_creates_the_admin_once_and_the_keyboard_alone_signs_in_on_a_narrow_screen()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync(_server.BaseUrl + "/console/overview");
        await page.WaitForURLAsync("**/console/sign-in?next=overview");

        await ConsoleSteps.SetUpAsync(page, _server);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("administrator account is ready");

        // Keyboard only: the user name field has focus, Tab moves to the password, Enter submits.
        await Expect(page.GetByLabel("User name")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(ConsoleSteps.UserName);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(ConsoleSteps.Password);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeFocusedAsync();
        await ConsoleBrowser.ScreenshotAsync(page, "sign-in-narrow");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/console/overview");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Overview");
        await Expect(page.GetByText("dead letters")).ToBeVisibleAsync();

        // Narrow screen: nothing wider than the viewport.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the overview is {overflow}px wider than a 375px screen");
        await ConsoleBrowser.ScreenshotAsync(page, "overview-narrow");

        // The link works once.
        await page.GotoAsync(_server.SetupLink);
        _browser.ExpectedErrorPrefixes.Add("Failed to load resource: the server responded with a status of 400");
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("another long password");
        await page.GetByLabel("Repeat the password").FillAsync("another long password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not valid");

        Assert.Empty(_browser.TakeErrors());
    }
}
