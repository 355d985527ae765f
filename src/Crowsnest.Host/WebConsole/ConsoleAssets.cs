using System.Collections.Frozen;
using System.Reflection;

namespace Crowsnest.Host.WebConsole;

/// <summary>The console's static files, embedded in the assembly under <c>console/</c> (see the project file).</summary>
internal static class ConsoleAssets
{
    private static readonly Assembly Assembly = typeof(ConsoleAssets).Assembly;

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, byte[]> Files = Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("console/", StringComparison.Ordinal))
        .ToFrozenDictionary(n => n["console/".Length..], Read, StringComparer.Ordinal);

    /// <summary>The file at <paramref name="path"/> (relative to the assets folder) and its content type, or null.</summary>
    public static (byte[] Content, string ContentType)? Find(string path) =>
        Files.TryGetValue(path, out var content) && ContentTypes.TryGetValue(Path.GetExtension(path), out var type) ? (content, type) : null;

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
