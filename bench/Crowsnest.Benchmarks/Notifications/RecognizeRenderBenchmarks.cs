using BenchmarkDotNet.Attributes;
using Crowsnest.Channels;
using Crowsnest.Notifications;
using Crowsnest.Notifications.Ingest;
using Crowsnest.Notifications.Recognize;

namespace Crowsnest.Benchmarks.Notifications;

/// <summary>
/// Recognise and render (neutral message, no platform JSON) every notification of the corpus mix, as stored after
/// intake. One operation is the whole mix; divide by <see cref="NotificationCount"/> for the per-event cost.
/// </summary>
[MemoryDiagnoser]
public class RecognizeRenderBenchmarks
{
    private Notification[] _notifications = [];
    private Crowsnest.Messages.ChatMessage[] _messages = [];

    /// <summary>How many notifications one operation handles.</summary>
    public int NotificationCount => _notifications.Length;

    [GlobalSetup]
    public void Setup()
    {
        var reader = new PayloadReader(TimeProvider.System);
        _notifications = Directory.EnumerateFiles(FindCorpus(), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("SOURCES.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => reader.Read(File.ReadAllBytes(f)))
            .Where(r => r.IsValid)
            .SelectMany(r => r.Items.Select(i => i.Notification))
            .ToArray();
        _messages = [.. _notifications.Select(n => EventCatalog.Default.Recognize(n).Render()).OfType<Crowsnest.Messages.ChatMessage>()];
        Console.WriteLine($"// corpus mix: {_notifications.Length} notifications per operation");
    }

    /// <summary>
    /// A floor under <see cref="RecognizeRenderSlack"/>: only parsing each body into the JSON document that every
    /// event type reads (the UTF-8 copy and <c>JsonDocument.Parse</c>), nothing recognised or rendered.
    /// </summary>
    [Benchmark]
    public int ParseOnly()
    {
        var objects = 0;
        foreach (var notification in _notifications)
        {
            if (ParsedPayload.Parse(notification).IsJsonObject)
            {
                objects++;
            }
        }

        return objects;
    }

    /// <summary>
    /// The other floor: only serialising the already-built neutral messages of the mix to the Slack JSON that is
    /// posted.
    /// </summary>
    [Benchmark]
    public int SlackOnly()
    {
        var bytes = 0;
        foreach (var message in _messages)
        {
            bytes += MessageRenderers.Slack(message, SlackOptions).Body.Length;
        }

        return bytes;
    }

    [Benchmark(Baseline = true)]
    public int Recognize()
    {
        var recognised = 0;
        foreach (var notification in _notifications)
        {
            if (EventCatalog.Default.Recognize(notification).Event is not null)
            {
                recognised++;
            }
        }

        return recognised;
    }

    [Benchmark]
    public int RecognizeAndRender()
    {
        var fields = 0;
        foreach (var notification in _notifications)
        {
            var message = EventCatalog.Default.Recognize(notification).Render();
            fields += message?.Fields.Count ?? 0;
        }

        return fields;
    }

    /// <summary>
    /// Issue 10's figure: recognise, render the neutral message and serialise the Slack <c>chat.postMessage</c>
    /// JSON that is posted, for every notification of the mix.
    /// </summary>
    [Benchmark]
    public int RecognizeRenderSlack()
    {
        var bytes = 0;
        foreach (var notification in _notifications)
        {
            var message = EventCatalog.Default.Recognize(notification).Render();
            if (message is not null)
            {
                bytes += MessageRenderers.Slack(message, SlackOptions).Body.Length;
            }
        }

        return bytes;
    }

    /// <summary>
    /// Prints the slowest notifications of the mix and the cost per event type: time (each notification repeated,
    /// so hotter than in the mix) and bytes allocated per phase (for profiling, not a benchmark). Run it warmed up.
    /// </summary>
    public void TimeEach()
    {
        const int Repeats = 2000;
        var times = new List<(double Micros, long Recognize, long Render, long Slack, string Type, string Id)>();
        foreach (var notification in _notifications)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            RecognitionResult result = null!;
            for (var i = 0; i < Repeats; i++)
            {
                result = EventCatalog.Default.Recognize(notification);
                var message = result.Render();
                if (message is not null)
                {
                    _ = MessageRenderers.Slack(message, SlackOptions);
                }
            }

            var micros = clock.Elapsed.TotalMilliseconds * 1000 / Repeats;
            var start = GC.GetAllocatedBytesForCurrentThread();
            result = EventCatalog.Default.Recognize(notification);
            var recognised = GC.GetAllocatedBytesForCurrentThread();
            var rendered = result.Render();
            var built = GC.GetAllocatedBytesForCurrentThread();
            if (rendered is not null)
            {
                _ = MessageRenderers.Slack(rendered, SlackOptions);
            }

            var end = GC.GetAllocatedBytesForCurrentThread();
            times.Add((micros, recognised - start, built - recognised, end - built, result.TypeName, notification.MessageId));
        }

        foreach (var t in times.OrderByDescending(t => t.Micros).Take(15))
        {
            Console.WriteLine($"{t.Micros,8:N1} µs {t.Recognize + t.Render + t.Slack,8:N0} B  {t.Type}  {t.Id}");
        }

        Console.WriteLine("      µs  recognise B   render B    Slack B  (per event, summed over the type)");
        foreach (var group in times.GroupBy(t => t.Type).OrderByDescending(g => g.Sum(t => t.Micros)))
        {
            Console.WriteLine($"{group.Sum(t => t.Micros),8:N1} {group.Sum(t => t.Recognize),12:N0} {group.Sum(t => t.Render),10:N0} {group.Sum(t => t.Slack),10:N0}  {group.Count(),3} × {group.Key}");
        }

        Console.WriteLine($"{times.Sum(t => t.Micros),8:N1} {times.Sum(t => t.Recognize),12:N0} {times.Sum(t => t.Render),10:N0} {times.Sum(t => t.Slack),10:N0}  total for {times.Count}");
    }

    private static readonly RenderOptions SlackOptions = new() { Channel = "C0123456789" };

    private static string FindCorpus()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Crowsnest.Tests", "TestData", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Crowsnest.Tests/TestData/corpus not found above " + AppContext.BaseDirectory);
    }
}
