using System.Net;
using System.Net.Sockets;

namespace Crowsnest.LoadTest.Harness;

/// <summary>A scratch directory per scenario run under the temp directory.</summary>
internal static class Workspace
{
    public static string Create(string scenario)
    {
        var path = Path.Combine(Path.GetTempPath(), "crowsnest-bench", $"{scenario}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
