using System.Diagnostics.Metrics;

namespace Crowsnest.Diagnostics;

/// <summary>
/// The engine's metrics, on one <see cref="Meter"/> named <c>Crowsnest</c>; the host exports them in Prometheus
/// text format at <c>/metrics</c>. Names follow AWS Chatbot's CloudWatch metrics where those exist.
/// </summary>
public sealed class CrowsnestMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Crowsnest";

    private readonly Meter _meter;

    /// <summary>Creates the instruments on a meter of their own.</summary>
    public CrowsnestMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        StoreUnavailable = _meter.CreateCounter<long>("crowsnest_store_unavailable", description: "Operations refused because the store could not serve them.");
    }

    /// <summary>The meter, for parts that add instruments of their own.</summary>
    public Meter Meter => _meter;

    /// <summary>Operations refused because the store was unavailable.</summary>
    public Counter<long> StoreUnavailable { get; }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
