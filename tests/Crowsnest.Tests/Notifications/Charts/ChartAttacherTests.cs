using Crowsnest.Messages;
using Crowsnest.Notifications.Charts;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Notifications.Charts;

public sealed class ChartAttacherTests
{
    private static readonly ChatMessage Message = new() { EventType = "cloudwatch.alarm", Title = "ALARM: HighCPU" };

    private readonly FakeTimeProvider _time = new(ChartSamples.StateChange.AddMinutes(3));

    [Fact]
    public async Task Attaches_the_chart_when_data_arrives()
    {
        var source = new FakeSource(_ => Task.FromResult(MetricDataResult.Ok([ChartSamples.Series()])));
        var result = await Attacher(source).AttachAsync(Message, ChartSamples.Request(), CancellationToken.None);

        Assert.NotNull(result.Image);
        Assert.Equal("image/png", result.Image.ContentType);
        Assert.Contains("CPUUtilization", result.Image.AltText, StringComparison.Ordinal);
        Assert.Empty(result.Sections);
        var window = Assert.Single(source.Windows);
        Assert.Equal(ChartSamples.StateChange.AddHours(-2), window.Start);
    }

    [Fact]
    public async Task Failure_reason_becomes_one_line_and_no_chart()
    {
        var source = new FakeSource(_ => Task.FromResult(MetricDataResult.Failed("access denied to cloudwatch:GetMetricData")));
        var result = await Attacher(source).AttachAsync(Message, ChartSamples.Request(), CancellationToken.None);

        Assert.Null(result.Image);
        Assert.Equal("_No chart: access denied to cloudwatch:GetMetricData._", Assert.Single(result.Sections).Text);
    }

    [Fact]
    public async Task No_datapoints_is_said_too()
    {
        var source = new FakeSource(_ => Task.FromResult(MetricDataResult.Ok([new MetricSeries("x", [])])));
        var result = await Attacher(source).AttachAsync(Message, ChartSamples.Request(), CancellationToken.None);

        Assert.Null(result.Image);
        Assert.Contains("no datapoints", Assert.Single(result.Sections).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throwing_source_does_not_throw()
    {
        var source = new FakeSource(_ => throw new InvalidOperationException("secret detail"));
        var result = await Attacher(source).AttachAsync(Message, ChartSamples.Request(), CancellationToken.None);

        var note = Assert.Single(result.Sections).Text;
        Assert.Contains("InvalidOperationException", note, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_never_answers_is_abandoned_after_the_timeout()
    {
        var never = new TaskCompletionSource<MetricDataResult>();
        var source = new FakeSource(_ => never.Task);
        var pending = Attacher(source).AttachAsync(Message, ChartSamples.Request(), CancellationToken.None);

        Assert.False(pending.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(5));
        var result = await pending;

        Assert.Null(result.Image);
        Assert.Equal("_No chart: the metric data did not arrive within 5 s._", Assert.Single(result.Sections).Text);
        Assert.True(source.Tokens.Single().IsCancellationRequested);
    }

    [Fact]
    public async Task Caller_cancellation_returns_the_message_without_chart()
    {
        using var cts = new CancellationTokenSource();
        var source = new FakeSource(ct => Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => MetricDataResult.Ok([]), TaskScheduler.Default));
        var pending = Attacher(source).AttachAsync(Message, ChartSamples.Request(), cts.Token);
        await cts.CancelAsync();
        var result = await pending;

        Assert.Null(result.Image);
        Assert.Contains("cancelled", Assert.Single(result.Sections).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_request_leaves_the_message_alone_and_no_metric_is_said()
    {
        var source = new FakeSource(_ => throw new InvalidOperationException("not called"));

        Assert.Same(Message, await Attacher(source).AttachAsync(Message, null, CancellationToken.None));
        var result = await Attacher(source).AttachAsync(Message, ChartSamples.Request([]), CancellationToken.None);
        Assert.Contains("no metric", Assert.Single(result.Sections).Text, StringComparison.Ordinal);
        Assert.Empty(source.Windows);
    }

    private ChartAttacher Attacher(IMetricDataSource source) => new(source, new MetricChartDrawer(), _time, TimeSpan.FromSeconds(5));

    private sealed class FakeSource(Func<CancellationToken, Task<MetricDataResult>> answer) : IMetricDataSource
    {
        public List<ChartWindow> Windows { get; } = [];

        public List<CancellationToken> Tokens { get; } = [];

        public Task<MetricDataResult> FetchAsync(MetricChartRequest request, ChartWindow window, CancellationToken cancellationToken)
        {
            Windows.Add(window);
            Tokens.Add(cancellationToken);
            return answer(cancellationToken);
        }
    }
}
