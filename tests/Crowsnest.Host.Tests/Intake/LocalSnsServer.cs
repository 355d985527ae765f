using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Crowsnest.Testing;
using Crowsnest.Testing.Sns;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crowsnest.Host.Tests.Intake;

/// <summary>
/// A stand-in for SNS on https://localhost:PORT with a certificate from a test CA: serves signing certificates and
/// answers SubscribeURL visits like SNS does, recording each visit.
/// </summary>
internal sealed class LocalSnsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _certificates = new();

    private LocalSnsServer(WebApplication app, int port, X509Certificate2 ca, string caPath)
    {
        _app = app;
        Port = port;
        Ca = ca;
        CaPath = caPath;
    }

    public int Port { get; }

    public X509Certificate2 Ca { get; }

    public string CaPath { get; }

    public string Authority => $"localhost:{Port}";

    public ConcurrentQueue<string> Visits { get; } = new();

    public static async Task<LocalSnsServer> StartAsync(string directory)
    {
        var ca = TestCertificates.CreateCa();
        var serverCertificate = TestCertificates.IssueServer(ca);
        var caPath = Path.Combine(directory, "test-ca.pem");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(caPath, TestCertificates.Pem(ca));
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, listen => listen.UseHttps(serverCertificate)));
        var app = builder.Build();
        LocalSnsServer? server = null;
        app.MapGet("/{**path}", (HttpContext context) =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (server!._certificates.TryGetValue(path, out var pem))
            {
                return Results.Text(pem, "text/plain");
            }
            if (context.Request.Query["Action"] == "ConfirmSubscription")
            {
                server.Visits.Enqueue(context.Request.QueryString.Value ?? "");
                return Results.Text(
                    "<ConfirmSubscriptionResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><ConfirmSubscriptionResult>" +
                    $"<SubscriptionArn>{context.Request.Query["TopicArn"]}:sub-1</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>", "text/xml");
            }
            return Results.NotFound();
        });
        server = new LocalSnsServer(app, port, ca, caPath);
        await app.StartAsync();
        return server;
    }

    /// <summary>A signer whose certificate (issued by the test CA) this server serves.</summary>
    public SnsTestSigner NewSigner(string path = "/SimpleNotificationService-local.pem")
    {
        var signer = new SnsTestSigner($"https://{Authority}{path}", Ca);
        _certificates[path] = signer.CertificatePem;
        return signer;
    }

    public string SubscribeUrl(string topicArn, string token) =>
        $"https://{Authority}/?Action=ConfirmSubscription&TopicArn={topicArn}&Token={token}";

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Ca.Dispose();
    }
}
