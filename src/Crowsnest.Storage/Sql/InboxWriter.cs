using System.Data.Common;
using System.Threading.Channels;
using Crowsnest.Notifications;

namespace Crowsnest.Storage.Sql;

/// <summary>
/// Group commit for the inbox: concurrent accepts join one transaction and each is answered after it commits,
/// so the hot path pays one fsync per batch rather than one per request.
/// </summary>
internal sealed class InboxWriter : IAsyncDisposable
{
    private const int MaxBatch = 512;
    private const string InsertSql =
        "INSERT INTO notifications (message_id, source, topic_arn, source_key, subject, body, attributes, published_ms, received_ms, state) " +
        "VALUES (@id, @source, @topic, @key, @subject, @body, @attributes, @published, @received, 'Received') ON CONFLICT (message_id) DO NOTHING";

    private readonly SqlDatabase _database;
    private readonly Channel<PendingAccept> _queue = Channel.CreateBounded<PendingAccept>(new BoundedChannelOptions(20_000)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });
    private readonly Task[] _writers;

    public InboxWriter(SqlDatabase database)
    {
        _database = database;
        _writers = Enumerable.Range(0, database.Dialect.InboxWriters).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    public async ValueTask<bool> AcceptAsync(Notification notification, CancellationToken cancellationToken)
    {
        var pending = new PendingAccept(notification);
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAccept>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            if (batch.Count == 0)
            {
                continue;
            }
            try
            {
                var results = await _database.WriteAsync((c, t) => InsertBatchAsync(c, t, batch), CancellationToken.None, WriteSync.Inbox);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }
            }
            catch (Exception e)
            {
                var failure = e as StoreUnavailableException ?? _database.Unavailable(e);
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(failure);
                }
            }
        }
    }

    private static async Task<bool[]> InsertBatchAsync(DbConnection connection, DbTransaction transaction, List<PendingAccept> batch)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertSql;
        var id = Add(command, "@id");
        var source = Add(command, "@source");
        var topic = Add(command, "@topic");
        var key = Add(command, "@key");
        var subject = Add(command, "@subject");
        var body = Add(command, "@body");
        var attributes = Add(command, "@attributes");
        var published = Add(command, "@published");
        var received = Add(command, "@received");
        var results = new bool[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var n = batch[i].Notification;
            id.Value = n.MessageId;
            source.Value = n.Source.ToString();
            topic.Value = (object?)n.TopicArn ?? DBNull.Value;
            key.Value = (object?)n.SourceKey ?? DBNull.Value;
            subject.Value = (object?)n.Subject ?? DBNull.Value;
            body.Value = n.Body;
            attributes.Value = n.Attributes.Count == 0 ? DBNull.Value : StorageJson.SerializeAttributes(n.Attributes);
            published.Value = (object?)Millis.From(n.Timestamp) ?? DBNull.Value;
            received.Value = Millis.From(n.ReceivedAt);
            results[i] = await command.ExecuteNonQueryAsync() == 1;
        }
        return results;
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private sealed class PendingAccept(Notification notification)
    {
        public Notification Notification { get; } = notification;

        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
