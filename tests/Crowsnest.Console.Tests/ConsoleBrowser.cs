using Microsoft.Playwright;

namespace Crowsnest.Console.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright (nothing downloaded), with a fresh profile. Every page it opens records
/// JavaScript errors (console errors and uncaught exceptions), which the tests assert to be none.
/// </summary>
internal sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly string _profile;
    private readonly List<string> _errors = [];

    private ConsoleBrowser(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    /// <summary>Where screenshots go: under the test output directory.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "console-screenshots");

    /// <summary>
    /// Error-level console messages that a page may legitimately cause: the browser logs every refused fetch
    /// (a 400 with validation errors, a 401 after sign-out) as a console error though the script handled it.
    /// </summary>
    public List<string> ExpectedErrorPrefixes { get; } = [];

    public static async Task<ConsoleBrowser> LaunchAsync(int width = 1280, int height = 900)
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var profile = Path.Combine(Path.GetTempPath(), "crowsnest-console-chromium", Guid.NewGuid().ToString("N"));
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        Directory.CreateDirectory(ScreenshotDirectory);
        return new ConsoleBrowser(playwright, context, profile);
    }

    /// <summary>A page whose JavaScript errors are recorded.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var page = Context.Pages.Count == 1 && Context.Pages[0].Url == "about:blank" ? Context.Pages[0] : await Context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !ExpectedErrorPrefixes.Any(p => message.Text.StartsWith(p, StringComparison.Ordinal)))
            {
                Record($"console error on {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Record($"uncaught exception on {page.Url}: {error}");
        return page;
    }

    /// <summary>The JavaScript errors recorded so far (and forgets them).</summary>
    public IReadOnlyList<string> TakeErrors()
    {
        lock (_errors)
        {
            var errors = _errors.ToList();
            _errors.Clear();
            return errors;
        }
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });

    private void Record(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be letting go of its profile; the temp cleaner takes it.
        }
    }
}
