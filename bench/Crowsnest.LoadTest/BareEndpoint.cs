using System.Text.Json;
using Crowsnest.Notifications.Ingest;
using Crowsnest.Notifications.Ingest.Sns;

namespace Crowsnest.LoadTest;

/// <summary>
/// The framework's ceiling: Kestrel reading the same body and answering 200, nothing else. With a pinned
/// certificate directory it is the second baseline: the body is also parsed as an SNS envelope and its signature
/// verified exactly as <c>/sns</c> does (nothing stored), which shows how much of the gap is the signature check.
/// </summary>
internal static class BareEndpoint
{
    public static async Task RunAsync(int port, string? pinnedCertificates)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        var verifier = pinnedCertificates is null ? null : Verifier(pinnedCertificates);
        app.MapPost("/sns", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (verifier is null)
            {
                return Results.Text("ok\n");
            }

            using var document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length));
            var envelope = SnsEnvelope.TryRead(document.RootElement);
            var verdict = envelope is null ? null : await verifier.VerifyAsync(envelope, request.HttpContext.RequestAborted);
            return verdict?.Outcome == SignatureOutcome.Valid ? Results.Text("ok\n") : Results.StatusCode(403);
        });
        app.MapGet("/readyz", () => Results.Text("ready\n"));
        await app.RunAsync();
    }

    private static SnsSignatureVerifier Verifier(string pinnedCertificates)
    {
        var options = new SnsTrustOptions { PinnedCertificateDirectory = pinnedCertificates };
        var policy = new SnsUrlPolicy(options);
        return new SnsSignatureVerifier(policy, new SnsCertificateStore(options, new SnsHttpClient(options, policy), policy, TimeProvider.System));
    }
}
