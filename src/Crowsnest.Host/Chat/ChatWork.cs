using System.Threading.Channels;

namespace Crowsnest.Host.Chat;

/// <summary>
/// Work that a chat transport starts after it has answered the platform (running a command, replying): a bounded
/// queue served by a few workers, drained on shutdown. A full queue refuses new work, so the transport can tell the
/// platform to retry later instead of piling up.
/// </summary>
internal sealed partial class ChatWork(ILogger<ChatWork> logger) : BackgroundService
{
    public const int Capacity = 512;
    public const int Workers = 8;

    private readonly Channel<Func<CancellationToken, Task>> _queue = Channel.CreateBounded<Func<CancellationToken, Task>>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>Queues <paramref name="work"/>; false when the queue is full.</summary>
    public bool TryQueue(Func<CancellationToken, Task> work) => _queue.Writer.TryWrite(work);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await work(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    Failed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A chat request failed after it was acknowledged.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
