using System.Collections.Concurrent;

namespace Crowsnest.Notifications.Events.Support;

/// <summary>AWS console deep links.</summary>
internal static class ConsoleLinks
{
    /// <summary>The console host for a region (China regions use their own domain).</summary>
    public static string Host(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "https://console.amazonaws.cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "https://console.amazonaws-us-gov.com"
        : $"https://{region}.console.aws.amazon.com";

    /// <summary>A service page: <c>https://{region}.console.aws.amazon.com/{service}?region={region}{fragment}</c>.</summary>
    public static string? Service(string? region, string path, string? fragment = null)
    {
        if (!Regions.IsCode(region))
        {
            return null;
        }

        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{Host(region!)}/{path}{separator}region={region}{fragment}";
    }

    private static readonly ConcurrentDictionary<string, (string Text, string Url)> RegionHomes = new(StringComparer.Ordinal);

    /// <summary>"{region} console" and the console home of a region, kept per region (every message carries it).</summary>
    public static (string Text, string Url)? RegionHomeLink(string? region)
    {
        if (region is null)
        {
            return null;
        }

        if (RegionHomes.TryGetValue(region, out var link))
        {
            return link;
        }

        if (Service(region, "console/home") is not { } url)
        {
            return null;
        }

        link = ($"{region} console", url);
        // Any well-formed code passes, so the cache stops growing at a size no real set of regions reaches.
        if (RegionHomes.Count < 256)
        {
            RegionHomes.TryAdd(region, link);
        }

        return link;
    }

    /// <summary>The sign-in page of an account (only for a 12-digit account id).</summary>
    public static string? Account(string? account) =>
        account is { Length: 12 } && account.All(char.IsAsciiDigit) ? $"https://{account}.signin.aws.amazon.com/console" : null;

    /// <summary>The console's ARN resolver, which opens the page of most resources.</summary>
    public static string? ForArn(string? arn) =>
        Arn.Parse(arn) is null ? null : "https://console.aws.amazon.com/go/view?arn=" + Uri.EscapeDataString(arn!);

    /// <summary>Escapes a path or fragment component.</summary>
    public static string Escape(string value) => Uri.EscapeDataString(value);
}
