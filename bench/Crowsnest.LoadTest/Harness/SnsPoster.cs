using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Crowsnest.Testing.Sns;

namespace Crowsnest.LoadTest.Harness;

/// <summary>
/// Signs SNS notifications with a test key pinned for the server (<see cref="PinnedDirectory"/>) and posts them to
/// <c>/sns</c> with K concurrent clients, optionally paced to a rate, recording each one's status, start and latency.
/// A connection refused (the server was killed) counts as not acknowledged (status 0), as SNS would see it.
/// </summary>
internal sealed class SnsPoster : IDisposable
{
    private readonly SnsTestSigner _signer = new("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-bench.pem");

    public SnsPoster(string workDirectory)
    {
        PinnedDirectory = Path.Combine(workDirectory, "pinned");
        _signer.PinInto(PinnedDirectory);
    }

    /// <summary>Give to <c>crowsnest serve --sns-pinned-certificates</c>.</summary>
    public string PinnedDirectory { get; }

    public static string Topic(int n) => $"arn:aws:sns:us-east-1:123456789012:bench-{n}";

    /// <summary>Signs <paramref name="count"/> envelopes in parallel: message <c>i</c> goes to <c>topicOf(i)</c>.</summary>
    public byte[][] SignMany(int count, Func<int, string> topicOf, Func<int, string> messageOf)
    {
        var bodies = new byte[count][];
        Parallel.For(0, count, i => bodies[i] = Encoding.UTF8.GetBytes(_signer.Notification(topicOf(i), messageOf(i))));
        return bodies;
    }

    /// <summary>An AWS Chatbot custom notification titled with marker <paramref name="n"/>.</summary>
    public static string Custom(int n) => new JsonObject
    {
        ["version"] = "1.0",
        ["source"] = "custom",
        ["content"] = new JsonObject { ["title"] = $"Event {Markers.Of(n)}", ["description"] = "bench notification" },
    }.ToJsonString();

    /// <summary>An EventBridge GuardDuty finding (as SNS delivers it) whose title carries marker <paramref name="n"/>.</summary>
    public static string GuardDuty(int n) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "GuardDuty Finding",
        ["source"] = "aws.guardduty",
        ["account"] = "123456789012",
        ["time"] = "2026-11-28T03:00:00Z",
        ["region"] = "us-east-1",
        ["resources"] = new JsonArray(),
        ["detail"] = new JsonObject
        {
            ["schemaVersion"] = "2.0",
            ["accountId"] = "123456789012",
            ["region"] = "us-east-1",
            ["id"] = $"finding-{n}",
            ["type"] = "Recon:EC2/PortProbeUnprotectedPort",
            ["title"] = $"{Markers.Of(n)} Unprotected port on EC2 instance i-0abc is being probed",
            ["description"] = "EC2 instance has an unprotected port which is being probed by a known malicious host.",
            ["severity"] = 5 + (n % 4),
            ["resource"] = new JsonObject { ["resourceType"] = "Instance", ["instanceDetails"] = new JsonObject { ["instanceId"] = "i-0abc" } },
        },
    }.ToJsonString();

    public static HttpClient Client(Uri baseUrl, int concurrency) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = concurrency,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        BaseAddress = baseUrl,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>
    /// Posts <paramref name="indexes"/> of <paramref name="bodies"/> with <paramref name="concurrency"/> clients, at most
    /// <paramref name="ratePerSecond"/> (0 = as fast as possible), stopping at <paramref name="maxDuration"/> or when
    /// <paramref name="stop"/> is cancelled; each post waits for <paramref name="gate"/> first (a restart in progress). Fills <paramref name="outcome"/> for the ones posted.
    /// </summary>
    public static async Task PostAsync(Func<Uri> baseUrl, byte[][] bodies, IReadOnlyList<int> indexes, int concurrency, double ratePerSecond,
        TimeSpan maxDuration, PostOutcome outcome, CancellationToken stop = default, Func<Task>? gate = null)
    {
        var clients = new Dictionary<Uri, HttpClient>();
        HttpClient ClientFor(Uri url)
        {
            lock (clients)
            {
                if (!clients.TryGetValue(url, out var client))
                {
                    clients[url] = client = Client(url, concurrency);
                }
                return client;
            }
        }
        var next = -1;
        var clock = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                int k;
                while (!stop.IsCancellationRequested && clock.Elapsed < maxDuration && (k = Interlocked.Increment(ref next)) < indexes.Count)
                {
                    if (ratePerSecond > 0)
                    {
                        var due = TimeSpan.FromSeconds(k / ratePerSecond);
                        if (due > clock.Elapsed)
                        {
                            await Task.Delay(due - clock.Elapsed, CancellationToken.None);
                        }
                    }
                    if (gate is not null)
                    {
                        await gate();
                    }
                    var i = indexes[k];
                    outcome.Started[i] = DateTimeOffset.UtcNow;
                    var began = Stopwatch.GetTimestamp();
                    outcome.Status[i] = await PostOneAsync(ClientFor(baseUrl()), bodies[i]);
                    outcome.LatencyMs[i] = Stopwatch.GetElapsedTime(began).TotalMilliseconds;
                }
            }, CancellationToken.None)));
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
        outcome.Elapsed += clock.Elapsed;
    }

    public static async Task<int> PostOneAsync(HttpClient http, byte[] body)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", "text/plain; charset=UTF-8");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("sns", UriKind.Relative)) { Content = content };
            request.Headers.TryAddWithoutValidation("x-amz-sns-message-type", "Notification");
            using var answer = await http.SendAsync(request);
            return (int)answer.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return 0;
        }
    }

    public void Dispose() => _signer.Dispose();
}

/// <summary>Per notification: HTTP status (0 = not sent or no answer), when it was sent, and how long the answer took.</summary>
internal sealed class PostOutcome(int count)
{
    public int[] Status { get; } = new int[count];

    public DateTimeOffset[] Started { get; } = new DateTimeOffset[count];

    public double[] LatencyMs { get; } = new double[count];

    public TimeSpan Elapsed { get; set; }

    public int Count(int status) => Status.Count(s => s == status);

    /// <summary>"200 × 950, 503 × 40, no answer × 10" over the notifications that were sent.</summary>
    public string Answers() => string.Join(", ", Enumerable.Range(0, Status.Length).Where(i => Started[i] != default).GroupBy(i => Status[i]).OrderBy(g => g.Key)
        .Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))} × {g.Count()}"));

    public IEnumerable<int> Where(Func<int, bool> status) => Enumerable.Range(0, Status.Length).Where(i => status(Status[i]));

    public double[] SortedLatencies(Func<int, bool> status) => [.. Where(status).Select(i => LatencyMs[i]).Order()];
}
