using Crowsnest.Notifications.Charts;
using SkiaSharp;

namespace Crowsnest.Tests.Notifications.Charts;

public sealed class MetricChartDrawerTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Draws_a_decodable_png_of_the_requested_size()
    {
        var request = ChartSamples.Request();
        var png = new MetricChartDrawer().Draw(request, [ChartSamples.Series()], ChartWindow.Around(request, ChartSamples.StateChange.AddHours(1)));

        Assert.Equal(PngSignature, png[..8]);
        Assert.True(png.Length > 5_000, $"{png.Length} bytes is too small for a drawn chart");
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(800, bitmap.Width);
        Assert.Equal(360, bitmap.Height);
    }

    [Fact]
    public void Marks_breaching_points_in_red()
    {
        var request = ChartSamples.Request();
        var window = ChartWindow.Around(request, ChartSamples.StateChange.AddHours(1));
        var calm = new MetricSeries("calm", [.. ChartSamples.Series().Points.Select(p => p with { Value = 10 })]);

        using var breaching = SKBitmap.Decode(new MetricChartDrawer().Draw(request, [ChartSamples.Series()], window));
        using var quiet = SKBitmap.Decode(new MetricChartDrawer().Draw(request with { Threshold = 1000 }, [calm], window));

        // The dashed threshold line is red in both; the dots add many more red pixels.
        Assert.True(RedPixels(breaching) > RedPixels(quiet) + 100, $"{RedPixels(breaching)} vs {RedPixels(quiet)}");
    }

    [Fact]
    public void Window_spans_eight_evaluations_before_and_stops_at_now()
    {
        var request = ChartSamples.Request();
        var window = ChartWindow.Around(request, ChartSamples.StateChange.AddMinutes(10));

        Assert.Equal(ChartSamples.StateChange.AddHours(-2), window.Start);
        Assert.Equal(ChartSamples.StateChange.AddMinutes(10), window.End);
    }

    private static int RedPixels(SKBitmap bitmap)
    {
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red > 200 && c.Green < 60 && c.Blue < 60)
                    count++;
            }
        }
        return count;
    }
}
