using System.Diagnostics;
using System.Runtime;

namespace Crowsnest.Benchmarks.Notifications;

/// <summary>
/// <c>render-loop SECONDS</c>: runs the Slack pipeline over the corpus mix in a plain loop, for a profiler
/// (<c>dotnet-trace</c>) to attach to, and prints events per second.
/// </summary>
public static class RenderLoop
{
    private static readonly TimeSpan QuietJit = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxWarmup = TimeSpan.FromSeconds(40);

    /// <summary>Runs the loop.</summary>
    public static int Run(string[] args)
    {
        var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var bench = new RecognizeRenderBenchmarks();
        bench.Setup();
        if (args.Contains("--alloc"))
        {
            AllocationSampler.Run(bench);
            return 0;
        }

        var warmedUp = WarmUp(bench);
        if (args.Contains("--each"))
        {
            bench.TimeEach();
            return 0;
        }

        // The machine is shared: report per CPU second of this process (all its threads, GC included) as well as
        // per wall second.
        var process = Process.GetCurrentProcess();
        var allocatedStart = GC.GetTotalAllocatedBytes();
        var (gen0, gen1, gen2, pauses) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long events = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            bench.RecognizeRenderSlack();
            events += bench.NotificationCount;
        }

        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        Console.WriteLine($"recognise + render + Slack JSON: {events / cpu:N0} events per CPU second ({cpu * 1e6 / events:N2} µs CPU/event); " +
            $"{events / clock.Elapsed.TotalSeconds:N0} events per wall second; {events} events; " +
            $"GC gen0/1/2 {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}, " +
            $"pauses {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:N0} ms, allocated {(GC.GetTotalAllocatedBytes() - allocatedStart) / (double)events:N0} B/event " +
            $"(after {warmedUp.TotalSeconds:0.0} s of warm-up)");
        return 0;
    }

    // Tiered JIT keeps recompiling hot methods for many seconds; the figure is the steady state after it has gone
    // quiet (no method compiled for two seconds), as in a long-running server.
    private static TimeSpan WarmUp(RecognizeRenderBenchmarks bench)
    {
        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = clock.Elapsed;
        while (clock.Elapsed - quietSince < QuietJit && clock.Elapsed < MaxWarmup)
        {
            bench.RecognizeRenderSlack();
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                (compiled, quietSince) = (now, clock.Elapsed);
            }
        }

        return clock.Elapsed;
    }
}
