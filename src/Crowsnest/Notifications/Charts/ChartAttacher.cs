using System.Globalization;
using System.Text;
using Crowsnest.Messages;

namespace Crowsnest.Notifications.Charts;

/// <summary>
/// The alarm-chart step: fetch the metric around the state change, draw it, and return the message with
/// <see cref="ChatMessage.Image"/> set. It never throws and never waits longer than its timeout: when anything
/// fails, the message goes on without a chart and with one line saying why.
/// </summary>
public sealed class ChartAttacher(IMetricDataSource source, MetricChartDrawer drawer, TimeProvider time, TimeSpan? timeout = null)
{
    /// <summary>How long fetching may take unless another timeout is given.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly TimeSpan _timeout = timeout ?? DefaultTimeout;

    /// <summary>Returns <paramref name="message"/> with a chart, or with a note why there is none.</summary>
    public async Task<ChatMessage> AttachAsync(ChatMessage message, MetricChartRequest? request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (request is null)
            return message;
        return Apply(message, await DrawAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Fetches and draws the chart of <paramref name="request"/>: the image, or the reason there is none.</summary>
    public async Task<ChartOutcome> DrawAsync(MetricChartRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Queries.Count == 0)
            return ChartOutcome.None("the alarm names no metric to chart");

        var window = ChartWindow.Around(request, time.GetUtcNow());
        var fetched = await FetchAsync(request, window, cancellationToken).ConfigureAwait(false);
        if (fetched.Error is { } error)
            return ChartOutcome.None(error);
        if (!fetched.Series.Any(s => s.Points.Count > 0))
            return ChartOutcome.None(string.Create(CultureInfo.InvariantCulture, $"CloudWatch returned no datapoints between {window.Start:yyyy-MM-dd HH:mm} and {window.End:HH:mm} UTC"));

        try
        {
            return ChartOutcome.Drawn(new MessageImage("chart.png", "image/png", drawer.Draw(request, fetched.Series, window), AltText(request)));
        }
        catch (Exception ex)
        {
            return ChartOutcome.None($"the chart could not be drawn ({ex.GetType().Name})");
        }
    }

    /// <summary>Sets the drawn image on <paramref name="message"/>, or adds the one-line note why there is none.</summary>
    public static ChatMessage Apply(ChatMessage message, ChartOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Image is { } image ? message with { Image = image } : WithoutChart(message, outcome.Reason ?? "unknown reason");
    }

    private async Task<MetricDataResult> FetchAsync(MetricChartRequest request, ChartWindow window, CancellationToken cancellationToken)
    {
        using var fetch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            // WaitAsync bounds the wait even for a source that ignores its token.
            return await source.FetchAsync(request, window, fetch.Token).WaitAsync(_timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return MetricDataResult.Failed(string.Create(CultureInfo.InvariantCulture, $"the metric data did not arrive within {_timeout.TotalSeconds:0.#} s"));
        }
        catch (OperationCanceledException)
        {
            return MetricDataResult.Failed("fetching the metric data was cancelled");
        }
        catch (Exception ex)
        {
            return MetricDataResult.Failed($"fetching the metric data failed ({ex.GetType().Name})");
        }
        finally
        {
            await fetch.CancelAsync().ConfigureAwait(false);
        }
    }

    private static string AltText(MetricChartRequest r)
    {
        var metric = r.Queries.FirstOrDefault(q => q.ReturnData) ?? r.Queries[0];
        var name = metric.MetricName ?? metric.Expression ?? metric.Id ?? "metric";
        return r.Threshold is { } t
            ? string.Create(CultureInfo.InvariantCulture, $"{name} around the change to {r.NewState}, threshold {t:G6}")
            : $"{name} around the change to {r.NewState}";
    }

    /// <summary>Adds the one-line note; the reason is escaped so it shows as typed on every platform.</summary>
    private static ChatMessage WithoutChart(ChatMessage message, string reason)
    {
        var note = new StringBuilder("_No chart: ", reason.Length + 16);
        foreach (var c in reason.ReplaceLineEndings(" ").TrimEnd('.', ' '))
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']')
                note.Append('\\');
            note.Append(c);
        }
        note.Append("._");
        return message with { Sections = [.. message.Sections, new MessageSection(null, note.ToString())] };
    }
}

/// <summary>A drawn alarm chart, or the reason (meant for chat users) why there is none.</summary>
public sealed record ChartOutcome(MessageImage? Image, string? Reason)
{
    public static ChartOutcome Drawn(MessageImage image) => new(image, null);

    public static ChartOutcome None(string reason) => new(null, reason);
}
