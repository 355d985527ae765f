using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Crowsnest.Testing.Sns;

namespace Crowsnest.LoadTest;

/// <summary>
/// Posts the same signed SNS notifications (unique message ids) to a bare Kestrel endpoint and then to
/// <c>crowsnest serve</c> (SQLite, durable group commit, signature verification from a pinned certificate),
/// each in its own process, and prints throughput, p50/p99 latency and the ratio.
/// </summary>
internal static class IngestRun
{
    public static async Task<int> RunAsync(Options options)
    {
        var work = Path.Combine(Path.GetTempPath(), "crowsnest-loadtest", Guid.NewGuid().ToString("N"));
        var pinned = Path.Combine(work, "pinned");
        using var signer = new SnsTestSigner("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-load.pem");
        signer.PinInto(pinned);
        Console.WriteLine($"signing {options.Messages} notifications...");
        var bodies = new byte[options.Messages + options.Warmup][];
        Parallel.For(0, bodies.Length, i => bodies[i] = Encoding.UTF8.GetBytes(
            signer.Notification("arn:aws:sns:us-east-1:123456789012:load", $"{{\"AlarmName\":\"load-{i}\",\"NewStateValue\":\"ALARM\"}}", subject: "ALARM: load")));

        var self = typeof(IngestRun).Assembly.Location;
        var barePort = FreePort();
        var bare = await MeasureAsync("bare Kestrel", ["exec", self, "bare", "--port", barePort.ToString(CultureInfo.InvariantCulture)], barePort, bodies, options);
        var port = FreePort();
        var crowsnest = await MeasureAsync("crowsnest /sns (SQLite)", ["exec", options.HostDll, "serve", "--listen", $"http://127.0.0.1:{port}",
            "--data-dir", Path.Combine(work, "data"), "--sns-pinned-certificates", pinned], port, bodies, options);

        Console.WriteLine();
        Console.WriteLine("| endpoint | requests | non-200 | req/s | p50 ms | p99 ms |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var r in new[] { bare, crowsnest })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Requests} | {r.Failures} | {r.Rate:0} | {r.P50:0.00} | {r.P99:0.00} |"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio crowsnest/bare: {crowsnest.Rate / bare.Rate:0.00}"));
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static async Task<Result> MeasureAsync(string name, string[] arguments, int port, byte[][] bodies, Options options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, UseProxy = false })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                Timeout = TimeSpan.FromSeconds(30),
            };
            await WaitReadyAsync(http);
            // Warm-up (JIT, connection pool, SQLite page cache) with messages of its own, not measured.
            await PostAsync(http, bodies.AsMemory(0, options.Warmup), options.Concurrency, options.Seconds);
            var measured = bodies.AsMemory(options.Warmup);
            var clock = Stopwatch.StartNew();
            var (done, failures, latencies) = await PostAsync(http, measured, options.Concurrency, options.Seconds);
            var elapsed = clock.Elapsed.TotalSeconds;
            var sorted = latencies.Take(done).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {done} requests in {elapsed:0.00} s"));
            return new Result(name, done, failures, done / elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
    }

    private static async Task<(int Done, int Failures, double[] Latencies)> PostAsync(HttpClient http, ReadOnlyMemory<byte[]> bodies, int concurrency, double seconds)
    {
        var latencies = new double[bodies.Length];
        var next = -1;
        var failures = 0;
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while (Stopwatch.GetTimestamp() < deadline && (i = Interlocked.Increment(ref next)) < bodies.Length)
            {
                var began = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(bodies.Span[i]);
                content.Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=UTF-8");
                using var answer = await http.PostAsync(new Uri("/sns", UriKind.Relative), content);
                if (answer.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failures);
                }
                latencies[i] = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
            }
        })));
        return (Math.Min(next, bodies.Length), failures, latencies);
    }

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static async Task WaitReadyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("the server did not become ready");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Result(string Name, int Requests, int Failures, double Rate, double P50, double P99);
}
