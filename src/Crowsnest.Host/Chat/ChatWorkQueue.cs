using System.Threading.Channels;

namespace Crowsnest.Host.Chat;

/// <summary>
/// The bounded queue between the chat endpoints (which acknowledge at once) and the workers that run commands.
/// When it is full the endpoint answers 503, so the platform retries later instead of the work being lost.
/// </summary>
internal sealed class ChatWorkQueue(int capacity)
{
    private readonly Channel<Func<CancellationToken, Task>> _channel = Channel.CreateBounded<Func<CancellationToken, Task>>(
        new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false, SingleWriter = false });

    /// <summary>Queues work; false when the queue is full.</summary>
    public bool TryEnqueue(Func<CancellationToken, Task> work) => _channel.Writer.TryWrite(work);

    public ChannelReader<Func<CancellationToken, Task>> Reader => _channel.Reader;
}

/// <summary>Runs queued chat work with a fixed number of concurrent workers; a failure is logged and never stops a worker.</summary>
internal sealed partial class ChatWorkers(ChatWorkQueue queue, ChatSettings settings, ILogger<ChatWorkers> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, settings.Workers)).Select(_ => RunAsync(stoppingToken)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await work(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Failed(log, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Error, Message = "Chat work failed")]
    private static partial void Failed(ILogger logger, Exception exception);
}
