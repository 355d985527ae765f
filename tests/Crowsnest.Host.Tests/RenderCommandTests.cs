using System.Text.Json;

namespace Crowsnest.Host.Tests;

public sealed class RenderCommandTests
{
    private const string CustomNotification =
        """{"version":"1.0","source":"custom","content":{"title":"Deploy finished","description":"Service *api* is live"}}""";

    [Fact]
    public async Task Render_prints_the_event_type_then_the_platform_payload()
    {
        var directory = TestHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "custom.json");
        await File.WriteAllTextAsync(file, CustomNotification);

        await using var crowsnest = CrowsnestProcess.Start(directory, "render", file, "--platform", "teams");
        Assert.Equal(0, await crowsnest.WaitForExitAsync(TimeSpan.FromSeconds(60)));

        var lines = crowsnest.Stdout.Split('\n', 2);
        Assert.Equal("custom", lines[0].Trim());
        using var card = JsonDocument.Parse(lines[1]);
        Assert.Equal("message", card.RootElement.GetProperty("type").GetString());
        Assert.Contains("Deploy finished", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_says_invalid_for_what_is_not_a_notification()
    {
        var directory = TestHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "empty.json");
        await File.WriteAllTextAsync(file, "   ");

        await using var crowsnest = CrowsnestProcess.Start(directory, "render", file);

        Assert.Equal(1, await crowsnest.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal("invalid", crowsnest.Stdout.Trim());
        Assert.Contains("empty payload", crowsnest.Output, StringComparison.Ordinal);
    }
}
