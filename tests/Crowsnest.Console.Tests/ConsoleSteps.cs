using Microsoft.Playwright;

namespace Crowsnest.Console.Tests;

/// <summary>Steps the console tests share: first-run setup through the printed link, signing in, visiting a page.</summary>
internal static class ConsoleSteps
{
    public const string UserName = "admin";
    public const string Password = "correct horse battery staple";

    /// <summary>Opens the setup link from the log and creates the administrator; ends on the sign-in page.</summary>
    public static async Task SetUpAsync(IPage page, ConsoleServer server)
    {
        await page.GotoAsync(server.SetupLink);
        await page.GetByLabel("User name").FillAsync(UserName);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Repeat the password").FillAsync(Password);
        await ConsoleBrowser.ScreenshotAsync(page, "setup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await page.WaitForURLAsync("**/console/sign-in?set-up=1");
    }

    public static async Task SignInAsync(IPage page, ConsoleServer server)
    {
        if (!page.Url.Contains("/console/sign-in", StringComparison.Ordinal))
        {
            await page.GotoAsync(server.BaseUrl + "/console/sign-in");
        }
        await page.GetByLabel("User name").FillAsync(UserName);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/console/overview");
    }

    /// <summary>Opens a console page by its nav link, waits for its heading, and keeps a screenshot.</summary>
    public static async Task VisitAsync(IPage page, string linkName, string screenshot)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Console pages" }).GetByRole(AriaRole.Link, new() { Name = linkName, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(linkName);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ConsoleBrowser.ScreenshotAsync(page, screenshot);
    }
}
