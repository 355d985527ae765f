using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Crowsnest.Testing.Sns;
using FsCheck.Fluent;

namespace Crowsnest.Fuzz;

/// <summary>
/// <c>crowsnest serve</c> as a child process, fed hostile requests on its intake endpoints (<c>/sns</c> with mutated
/// envelopes and with validly signed envelopes around mutated payloads, <c>/events</c>, <c>/webhooks/{id}</c>) and its
/// configuration API: no answer may be a 500 or a dropped connection, and the process must survive.
/// </summary>
internal sealed class HttpEndpoints : IAsyncDisposable
{
    private const string Token = "cnt_fuzz_bootstrap_token_0123456789";
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;
    private readonly SnsTestSigner _signer = new("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-fuzz.pem");
    private readonly string _work;

    private HttpEndpoints(string hostDll)
    {
        _work = Path.Combine(Path.GetTempPath(), "crowsnest-fuzz", Guid.NewGuid().ToString("N"));
        _signer.PinInto(Path.Combine(_work, "pinned"));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "exec", hostDll, "serve", "--listen", $"http://127.0.0.1:{port}", "--data-dir", Path.Combine(_work, "data"), "--sns-pinned-certificates", Path.Combine(_work, "pinned") })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["CROWSNEST_API__BOOTSTRAPTOKEN"] = Token;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public bool Alive => !_process.HasExited;

    /// <summary>Lines the server logged at error level or above, or about unhandled exceptions.</summary>
    public IReadOnlyList<string> Errors()
    {
        lock (_output)
        {
            return [.. _output.ToString().Split('\n').Where(l => l.Contains("Unhandled", StringComparison.OrdinalIgnoreCase) || l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).Take(5)];
        }
    }

    public static async Task<HttpEndpoints> StartAsync(string hostDll)
    {
        var endpoints = new HttpEndpoints(hostDll);
        for (var i = 0; i < 600 && endpoints.Alive; i++)
        {
            try
            {
                using var ready = await endpoints._http.GetAsync(new Uri("readyz", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    return endpoints;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("crowsnest did not become ready for the endpoint fuzzing");
    }

    /// <summary>Requests: (path, body, bearer?) with the body from one of the generators.</summary>
    public FuzzTarget<(string Path, byte[] Body)> Target(IReadOnlyList<byte[]> envelopes, IReadOnlyList<byte[]> payloads)
    {
        var signed = from payload in Mutator.Mutated(payloads)
                     select ("sns", Encoding.UTF8.GetBytes(_signer.Notification("arn:aws:sns:us-east-1:123456789012:fuzz", Encoding.UTF8.GetString(payload))));
        var requests = Gen.OneOf(
            Mutator.Mutated(envelopes).Select(b => ("sns", b)),
            signed,
            Mutator.Mutated(payloads).Select(b => ("events", b)),
            Mutator.Mutated(payloads).Select(b => ("webhooks/fuzz", b)),
            Mutator.Mutated(ApiSeeds).Select(b => ("crowsnest/create-channel-configuration", b)),
            Mutator.Mutated(ApiSeeds).Select(b => ("create-slack-channel-configuration", b)));
        return new FuzzTarget<(string Path, byte[] Body)>("HTTP endpoints (/sns, /events, /webhooks, configuration API)", requests, r =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(r.Path, UriKind.Relative)) { Content = new ByteArrayContent(r.Body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", r.Path == "sns" ? "text/plain; charset=UTF-8" : "application/json");
            if (!r.Path.StartsWith("sns", StringComparison.Ordinal) && !r.Path.StartsWith("events", StringComparison.Ordinal) && !r.Path.StartsWith("webhooks", StringComparison.Ordinal))
            {
                request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {Token}");
            }
            using var answer = _http.Send(request);
            if ((int)answer.StatusCode >= 500 && answer.StatusCode != HttpStatusCode.ServiceUnavailable)
            {
                throw new InvalidOperationException($"POST /{r.Path} answered {(int)answer.StatusCode}");
            }
            return true;
        }, r => $"POST /{r.Path} {Targets.Show(r.Body)}");
    }

    private static readonly byte[][] ApiSeeds =
    [
        .. new[]
        {
            """{"ConfigurationName":"fuzz","TargetType":"webhook","WebhookUrl":"http://127.0.0.1:9/hooks/x","SnsTopicArns":["arn:aws:sns:us-east-1:123456789012:fuzz"]}""",
            """{"ConfigurationName":"fuzz-slack","SlackTeamId":"T01CROWS","SlackChannelId":"C01ALERTS","IamRoleArn":"arn:aws:iam::123456789012:role/x","SnsTopicArns":["arn:aws:sns:us-east-1:123456789012:fuzz"],"LoggingLevel":"ERROR","GuardrailPolicyArns":["arn:aws:iam::aws:policy/ReadOnlyAccess"],"Tags":[{"TagKey":"a","TagValue":"b"}]}""",
        }.Select(Encoding.UTF8.GetBytes),
    ];

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            if (_output.Length < 4 * 1024 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        _http.Dispose();
        _signer.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
