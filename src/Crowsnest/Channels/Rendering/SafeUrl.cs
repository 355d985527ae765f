namespace Crowsnest.Channels.Rendering;

/// <summary>Which link targets renderers turn into links: http, https and mailto only, with no spaces or controls.</summary>
internal static class SafeUrl
{
    public static bool IsAllowed(ReadOnlySpan<char> url)
    {
        if (!(url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)))
            return false;
        return url.Length <= 3000 && url.IndexOfAnyInRange('\0', ' ') < 0 && !url.Contains('\x7F');
    }

    public static bool IsAllowed(string? url) => url is not null && IsAllowed(url.AsSpan());
}
