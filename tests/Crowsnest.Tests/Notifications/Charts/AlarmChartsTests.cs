using Crowsnest.Messages;
using Crowsnest.Notifications.Charts;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Notifications.Charts;

public sealed class AlarmChartsTests
{
    private const string RoleA = "arn:aws:iam::123456789012:role/team-a";
    private const string RoleB = "arn:aws:iam::123456789012:role/team-b";
    private static readonly ChatMessage Message = new() { EventType = "cloudwatch.alarm", Title = "ALARM: HighCPU" };

    private readonly FakeTimeProvider _time = new(ChartSamples.StateChange.AddMinutes(3));
    private readonly Dictionary<string, int> _fetches = [];
    private readonly List<string?> _roles = [];

    [Fact]
    public async Task One_alarm_state_change_is_fetched_once_per_role_and_shared_by_every_target()
    {
        var charts = Charts(_ => Task.FromResult(MetricDataResult.Ok([ChartSamples.Series()])));

        var first = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => charts.AttachAsync(Message, ChartSamples.Request(), RoleA, CancellationToken.None)));
        var other = await charts.AttachAsync(Message, ChartSamples.Request(), RoleB, CancellationToken.None);

        Assert.All(first, m => Assert.NotNull(m.Image));
        Assert.Same(first[0].Image, first[4].Image);
        Assert.NotNull(other.Image);
        Assert.Equal(1, _fetches[RoleA]);
        Assert.Equal(1, _fetches[RoleB]);
        Assert.Equal([RoleA, RoleB], _roles);
    }

    [Fact]
    public async Task Another_state_change_or_period_of_the_same_alarm_is_a_new_chart()
    {
        var charts = Charts(_ => Task.FromResult(MetricDataResult.Ok([ChartSamples.Series()])));
        var request = ChartSamples.Request();
        var later = request with { StateChangeTime = request.StateChangeTime.AddMinutes(10), NewState = "OK" };
        var coarser = request with { Queries = [request.Queries[0] with { Period = TimeSpan.FromHours(1) }] };

        await charts.AttachAsync(Message, request, RoleA, CancellationToken.None);
        await charts.AttachAsync(Message, later, RoleA, CancellationToken.None);
        await charts.AttachAsync(Message, coarser, RoleA, CancellationToken.None);
        await charts.AttachAsync(Message, request, RoleA, CancellationToken.None);

        Assert.Equal(3, _fetches[RoleA]);
    }

    [Fact]
    public async Task A_failure_is_reused_briefly_then_tried_again()
    {
        var answers = new Queue<MetricDataResult>([MetricDataResult.Failed("access denied to cloudwatch:GetMetricData"), MetricDataResult.Ok([ChartSamples.Series()])]);
        var charts = Charts(_ => Task.FromResult(answers.Dequeue()));

        var failed = await charts.AttachAsync(Message, ChartSamples.Request(), RoleA, CancellationToken.None);
        var again = await charts.AttachAsync(Message, ChartSamples.Request(), RoleA, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        var later = await charts.AttachAsync(Message, ChartSamples.Request(), RoleA, CancellationToken.None);

        Assert.Equal("_No chart: access denied to cloudwatch:GetMetricData._", Assert.Single(failed.Sections).Text);
        Assert.Equal(failed.Sections, again.Sections);
        Assert.NotNull(later.Image);
        Assert.Equal(2, _fetches[RoleA]);
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_cancel_the_fetch_for_the_others()
    {
        var answer = new TaskCompletionSource<MetricDataResult>();
        var charts = Charts(_ => answer.Task);
        using var impatient = new CancellationTokenSource();

        var gaveUp = charts.AttachAsync(Message, ChartSamples.Request(), RoleA, impatient.Token);
        var waiting = charts.AttachAsync(Message, ChartSamples.Request(), RoleA, CancellationToken.None);
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);
        answer.SetResult(MetricDataResult.Ok([ChartSamples.Series()]));

        Assert.NotNull((await waiting).Image);
        Assert.Equal(1, _fetches[RoleA]);
    }

    [Fact]
    public async Task The_cache_stays_bounded()
    {
        var charts = new AlarmCharts(role => Attacher(role, _ => Task.FromResult(MetricDataResult.Ok([ChartSamples.Series()]))), _time) { MaxEntries = 3 };
        for (var i = 0; i < 6; i++)
        {
            await charts.AttachAsync(Message, ChartSamples.Request() with { AlarmName = $"alarm-{i}" }, RoleA, CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // The oldest were dropped: asking for the first alarm again fetches it again, the newest does not.
        await charts.AttachAsync(Message, ChartSamples.Request() with { AlarmName = "alarm-5" }, RoleA, CancellationToken.None);
        Assert.Equal(6, _fetches[RoleA]);
        await charts.AttachAsync(Message, ChartSamples.Request() with { AlarmName = "alarm-0" }, RoleA, CancellationToken.None);
        Assert.Equal(7, _fetches[RoleA]);
    }

    private AlarmCharts Charts(Func<CancellationToken, Task<MetricDataResult>> answer) => new(role => Attacher(role, answer), _time);

    private ChartAttacher Attacher(string? role, Func<CancellationToken, Task<MetricDataResult>> answer)
    {
        _roles.Add(role);
        return new ChartAttacher(new CountingSource(this, role ?? "", answer), new MetricChartDrawer { Width = 200, Height = 120 }, _time, TimeSpan.FromMinutes(5));
    }

    private sealed class CountingSource(AlarmChartsTests test, string role, Func<CancellationToken, Task<MetricDataResult>> answer) : IMetricDataSource
    {
        public Task<MetricDataResult> FetchAsync(MetricChartRequest request, ChartWindow window, CancellationToken cancellationToken)
        {
            lock (test._fetches)
            {
                test._fetches[role] = test._fetches.GetValueOrDefault(role) + 1;
            }
            return answer(cancellationToken);
        }
    }
}
