namespace Crowsnest.LoadTest.Harness;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile of already sorted values (0 when empty).</summary>
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
