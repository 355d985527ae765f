namespace Crowsnest.LoadTest;

/// <summary>The framework's ceiling: Kestrel reading the same body and answering 200, nothing else.</summary>
internal static class BareEndpoint
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/sns", async (HttpRequest request) =>
        {
            var buffer = new byte[16 * 1024];
            while (await request.Body.ReadAsync(buffer) > 0)
            {
            }
            return Results.Text("ok\n");
        });
        app.MapGet("/readyz", () => Results.Text("ready\n"));
        await app.RunAsync();
    }
}
