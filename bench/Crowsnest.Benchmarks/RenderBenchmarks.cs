using BenchmarkDotNet.Attributes;
using Crowsnest.Channels;
using Crowsnest.Messages;

namespace Crowsnest.Benchmarks;

/// <summary>Render and serialise one representative alarm message per platform (no chart drawing).</summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private static readonly ChatMessage Alarm = new()
    {
        EventType = "cloudwatch.alarm",
        Title = "ALARM: \"HighCPU-prod-web\" in US East (N. Virginia)",
        Severity = Severity.High,
        Summary = "Threshold crossed: 3 datapoints were **greater than** the threshold (80.0).",
        Fields =
        [
            new("Alarm", "HighCPU-prod-web"),
            new("State", "OK → **ALARM**"),
            new("Metric", "`AWS/EC2` CPUUtilization (InstanceId = i-0abc123)"),
            new("Threshold", "Average > 80 for 3 of 3 × 5 min"),
            new("Reason", "Threshold Crossed: 3 out of the last 3 datapoints [93.2 (27/11/26 23:36:00), 91.0 (27/11/26 23:31:00)] were greater than the threshold (80.0).", IsShort: false),
        ],
        Links =
        [
            new("Alarm", "https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/HighCPU-prod-web"),
            new("Account 123456789012", "https://console.aws.amazon.com/billing/home?region=us-east-1"),
        ],
        Buttons = [new("Show logs", "logs", "HighCPU-prod-web")],
        Account = "123456789012",
        Region = "us-east-1",
        OccurredAt = new DateTimeOffset(2026, 11, 27, 23, 41, 7, TimeSpan.Zero),
        DetailsUrl = "https://crowsnest.example.com/events/01JDXK0A",
    };

    private static readonly RenderOptions Options = new() { Channel = "C0123456789", ThreadId = "1764286867.000100" };

    private const string Original = """{"AlarmName":"HighCPU-prod-web","NewStateValue":"ALARM","Trigger":{"Threshold":80.0}}""";

    [Benchmark(Baseline = true)]
    public int Slack() => MessageRenderers.Slack(Alarm, Options).Body.Length;

    [Benchmark]
    public int SlackWebhook() => MessageRenderers.SlackWebhook(Alarm, Options).Body.Length;

    [Benchmark]
    public int Teams() => MessageRenderers.Teams(Alarm, Options).Body.Length;

    [Benchmark]
    public int Chime() => MessageRenderers.Chime(Alarm, Options).Body.Length;

    [Benchmark]
    public int Webhook() => MessageRenderers.Webhook(Alarm, Original).Body.Length;

    [Benchmark]
    public int Console() => MessageRenderers.Console(Alarm).Body.Length;
}
