using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Benchmarks;

/// <summary>
/// One command's wall time, Crowsnest's engine vs the AWS CLI process, against the same moto server
/// (goal: at least 20 times faster). Uses CROWSNEST_BENCH_MOTO_URL or starts moto_server itself.
/// </summary>
[MemoryDiagnoser]
public class AwsCallWallTimeBenchmarks
{
    private const string Command = "sts get-caller-identity";
    private static readonly AwsCredentials Credentials = new("AKIAIOSFODNN7EXAMPLE", "bench-secret");
    private Process? _moto;
    private string _url = "";
    private HttpClient _http = null!;
    private AwsInvoker _invoker = null!;
    private AwsCall _call = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _url = Environment.GetEnvironmentVariable("CROWSNEST_BENCH_MOTO_URL") ?? await StartMotoAsync();
        _http = new HttpClient();
        _invoker = new AwsInvoker(_http, new AwsInvokerOptions
        {
            Endpoints = new AwsEndpointOptions { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = _url } },
        });
        _call = ((ParseResult.Parsed)new CommandParser(ServiceCatalog.OpenDefault()).Parse(Command)).Call;
    }

    [Benchmark(Baseline = true)]
    public async Task<AwsResult> Crowsnest() => await _invoker.InvokeAsync(_call, Credentials, CancellationToken.None);

    [Benchmark]
    public async Task<int> AwsCli()
    {
        var start = new ProcessStartInfo("aws", $"{Command} --endpoint-url {_url} --region us-east-1 --output json")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["AWS_ACCESS_KEY_ID"] = Credentials.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = Credentials.SecretAccessKey;
        using var process = Process.Start(start)!;
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        if (_moto is { HasExited: false })
        {
            _moto.Kill(entireProcessTree: true);
        }
        _moto?.Dispose();
    }

    private async Task<string> StartMotoAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _moto = Process.Start(new ProcessStartInfo("moto_server", $"-H 127.0.0.1 -p {port}") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri(url + "/moto-api/"));
                if (answer.IsSuccessStatusCode)
                {
                    return url;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("moto_server did not start.");
    }
}
