using System.Diagnostics;

namespace Crowsnest.Benchmarks.Notifications;

/// <summary>
/// <c>render-loop SECONDS</c>: runs the Slack pipeline over the corpus mix in a plain loop, for a profiler
/// (<c>dotnet-trace</c>) to attach to, and prints events per second.
/// </summary>
public static class RenderLoop
{
    /// <summary>Runs the loop.</summary>
    public static int Run(string[] args)
    {
        var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        var bench = new RecognizeRenderBenchmarks();
        bench.Setup();
        if (args.Contains("--each"))
        {
            bench.TimeEach();
            return 0;
        }

        // The machine is shared: report per CPU second of this process (all its threads, GC included) as well as
        // per wall second.
        var process = Process.GetCurrentProcess();
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
            $"GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pauses {GC.GetTotalPauseDuration().TotalMilliseconds:N0} ms, " +
            $"allocated {GC.GetTotalAllocatedBytes() / (double)events:N0} B/event");
        return 0;
    }
}
