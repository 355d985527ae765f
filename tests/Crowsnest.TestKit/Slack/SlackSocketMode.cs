using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crowsnest.TestKit.Slack;

/// <summary>What became of one pushed envelope: its ack (with the optional response payload) or Slack's 3-second timeout.</summary>
public sealed record SocketAck(string EnvelopeId, string Type, bool Acked, JsonNode? Payload, int Connection);

/// <summary>
/// Slack's Socket Mode side: <c>apps.connections.open</c> hands out single-use <c>ws://…/link/?ticket=…</c> URLs
/// for the app-level token; each connection gets <c>hello</c> first; tests push envelopes and get the ack back (or
/// a failure when none came within 3 s), and send <c>disconnect</c> to make the app reconnect.
/// </summary>
public sealed class SlackSocketMode(SlackEmulatorOptions options)
{
    /// <summary>Slack's ack deadline.</summary>
    public static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonNode?>> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<SocketAck> _acks = new();
    private readonly List<SocketLink> _links = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _opened;
    private int _helloes;

    /// <summary>Calls of <c>apps.connections.open</c> that returned a URL.</summary>
    public int Opened => Volatile.Read(ref _opened);

    /// <summary>Connections that were sent <c>hello</c> (the app's connects).</summary>
    public int Connections => Volatile.Read(ref _helloes);

    /// <summary>Every envelope's outcome, in order.</summary>
    public IReadOnlyList<SocketAck> Acks => [.. _acks];

    /// <summary>Issues a single-use ticket for <c>apps.connections.open</c>; returns the URL path and query.</summary>
    internal string IssueTicket()
    {
        var ticket = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tickets[ticket] = true;
        Interlocked.Increment(ref _opened);
        return $"link/?ticket={ticket}&app_id={options.Workspace.AppId}";
    }

    /// <summary>Completes once at least <paramref name="count"/> connections got <c>hello</c>.</summary>
    public async Task WaitForConnectionsAsync(int count, CancellationToken cancellationToken)
    {
        while (Connections < count)
        {
            Task wait;
            lock (_gate)
            {
                wait = _connected.Task;
            }
            if (Connections >= count)
            {
                return;
            }
            await wait.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Pushes an <c>events_api</c> envelope (an <c>event_callback</c> body).</summary>
    public Task<SocketAck> PushEventAsync(JsonObject eventCallback, int retryAttempt = 0, CancellationToken cancellationToken = default) =>
        PushAsync("events_api", eventCallback, false, retryAttempt, cancellationToken);

    /// <summary>Pushes an <c>interactive</c> envelope (a <c>block_actions</c> or <c>view_submission</c> payload).</summary>
    public Task<SocketAck> PushInteractiveAsync(JsonObject payload, CancellationToken cancellationToken = default) =>
        PushAsync("interactive", payload, true, null, cancellationToken);

    /// <summary>Pushes a <c>slash_commands</c> envelope (the command's fields as a JSON object).</summary>
    public Task<SocketAck> PushSlashCommandAsync(JsonObject fields, CancellationToken cancellationToken = default) =>
        PushAsync("slash_commands", fields, true, null, cancellationToken);

    /// <summary>Sends <c>disconnect</c> (<c>refresh_requested</c>, <c>warning</c>, <c>link_disabled</c>, …) on every open connection, then closes them.</summary>
    public async Task DisconnectAllAsync(string reason = "refresh_requested", CancellationToken cancellationToken = default)
    {
        foreach (var link in Live())
        {
            var frame = new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "applink-emulator" } };
            await link.SendAsync(frame, cancellationToken);
            await link.CloseAsync();
        }
    }

    /// <summary>Serves one WebSocket connection until it closes.</summary>
    internal async Task ServeAsync(HttpContext context, CancellationToken stopping)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        if (!context.WebSockets.IsWebSocketRequest || !_tickets.TryRemove(ticket, out _))
        {
            context.Response.StatusCode = 401;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var link = new SocketLink(socket, Connections + 1);
        lock (_gate)
        {
            _links.Add(link);
        }
        var hello = new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = Live().Count,
            ["debug_info"] = new JsonObject { ["host"] = "applink-emulator", ["build_number"] = 10, ["approximate_connection_time"] = 18060 },
            ["connection_info"] = new JsonObject { ["app_id"] = options.Workspace.AppId },
        };
        await link.SendAsync(hello, stopping);
        Interlocked.Increment(ref _helloes);
        lock (_gate)
        {
            _connected.TrySetResult();
            _connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        try
        {
            await ReadAcksAsync(link, stopping);
        }
        finally
        {
            lock (_gate)
            {
                _links.Remove(link);
            }
        }
    }

    private async Task<SocketAck> PushAsync(string type, JsonObject payload, bool acceptsResponse, int? retryAttempt, CancellationToken cancellationToken)
    {
        var link = Live().LastOrDefault() ?? throw new InvalidOperationException("No Socket Mode connection is open.");
        var id = Guid.NewGuid().ToString();
        var envelope = new JsonObject { ["envelope_id"] = id, ["type"] = type, ["payload"] = payload.DeepClone(), ["accepts_response_payload"] = acceptsResponse };
        if (retryAttempt is { } attempt)
        {
            envelope["retry_attempt"] = attempt;
            envelope["retry_reason"] = attempt > 0 ? "timeout" : "";
        }
        var waiter = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = waiter;
        // The 3-second clock starts before the envelope leaves, so a test's fake clock can be advanced as soon as it arrives.
        var acked = waiter.Task.WaitAsync(AckTimeout, options.TimeProvider, cancellationToken);
        await link.SendAsync(envelope, cancellationToken);
        SocketAck outcome;
        try
        {
            var ackPayload = await acked;
            outcome = new SocketAck(id, type, true, ackPayload, link.Number);
        }
        catch (TimeoutException)
        {
            outcome = new SocketAck(id, type, false, null, link.Number);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
        _acks.Enqueue(outcome);
        return outcome;
    }

    private async Task ReadAcksAsync(SocketLink link, CancellationToken stopping)
    {
        var buffer = new byte[64 * 1024];
        while (link.Socket.State == WebSocketState.Open)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            try
            {
                do
                {
                    result = await link.Socket.ReceiveAsync(buffer, stopping);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                return;
            }
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await link.CloseAsync();
                return;
            }
            JsonNode? ack;
            try
            {
                ack = JsonNode.Parse(message.ToArray());
            }
            catch (JsonException)
            {
                continue;
            }
            if (ack?["envelope_id"]?.GetValue<string>() is { } id && _pending.TryGetValue(id, out var waiter))
            {
                waiter.TrySetResult(ack["payload"]?.DeepClone());
            }
        }
    }

    private List<SocketLink> Live()
    {
        lock (_gate)
        {
            return [.. _links.Where(l => l.Socket.State == WebSocketState.Open)];
        }
    }

    private sealed class SocketLink(WebSocket socket, int number)
    {
        private readonly SemaphoreSlim _send = new(1, 1);

        public WebSocket Socket => socket;

        public int Number => number;

        public async Task SendAsync(JsonNode frame, CancellationToken cancellationToken)
        {
            await _send.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
            }
            finally
            {
                _send.Release();
            }
        }

        public async Task CloseAsync()
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
                }
                catch (Exception e) when (e is WebSocketException or OperationCanceledException)
                {
                    // Already gone.
                }
            }
        }
    }
}
