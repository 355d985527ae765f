using System.Diagnostics.Tracing;

namespace Crowsnest.Benchmarks.Notifications;

/// <summary>
/// <c>render-loop 0 --alloc</c>: which types the render path allocates, from the runtime's allocation ticks (one
/// event per ~100 KB allocated, naming the type that crossed the mark), so the counts are proportional to bytes.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const string RuntimeSource = "Microsoft-Windows-DotNETRuntime";
    private const EventKeywords GcKeyword = (EventKeywords)0x1;

    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);

    public static void Run(RecognizeRenderBenchmarks bench)
    {
        for (var i = 0; i < 500; i++)
        {
            bench.RecognizeRenderSlack();
        }

        using var sampler = new AllocationSampler();
        for (var i = 0; i < 3000; i++)
        {
            bench.RecognizeRenderSlack();
        }

        // Events arrive on the listener's thread; give the last ones time to land.
        Thread.Sleep(500);
        lock (sampler._ticks)
        {
            var total = sampler._ticks.Values.Sum();
            foreach (var (type, ticks) in sampler._ticks.OrderByDescending(t => t.Value).Take(30))
            {
                Console.WriteLine($"{100.0 * ticks / total,6:0.0}%  {type}");
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == RuntimeSource)
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is null)
        {
            return;
        }

        var index = eventData.PayloadNames.IndexOf("TypeName");
        if (index >= 0 && eventData.Payload?[index] is string type)
        {
            lock (_ticks)
            {
                _ticks[type] = _ticks.GetValueOrDefault(type) + 1;
            }
        }
    }
}
