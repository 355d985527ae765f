using System.Buffers;
using System.Net.WebSockets;

namespace Crowsnest.Host.Chat.Slack.SocketMode;

/// <summary>How a session ended.</summary>
/// <param name="Greeted">Slack's <c>hello</c> arrived, so the link worked.</param>
/// <param name="HandedOver">Slack sent <c>disconnect</c> (refresh, warning): reconnect at once.</param>
/// <param name="Problem">What happened, for the log (no ticket, no token).</param>
internal sealed record SessionEnd(bool Greeted, bool HandedOver, string Problem);

/// <summary>
/// One WebSocket connection: waits for <c>hello</c>, acknowledges every envelope as soon as the inbound handler has
/// its immediate answer (or empty once the ack budget is spent), and ends on <c>disconnect</c>, close or error.
/// An envelope that names another app or a workspace this token does not serve is acknowledged and dropped
/// (<see cref="EnvelopeOrigin"/>); <paramref name="servesTeam"/> tells which workspaces the token was registered for.
/// </summary>
internal sealed class SocketModeSession(string teamId, ISlackInbound inbound, Func<string, bool> servesTeam, SocketModeStatus status, TimeProvider time, ILogger logger)
{
    /// <summary>Slack's frames are small; anything bigger is refused rather than buffered.</summary>
    public const int MaxFrameBytes = 1024 * 1024;

    /// <summary>Envelopes handled at once per connection; reading waits beyond that.</summary>
    public const int MaxInFlight = 64;

    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Slack wants the ack within 3 s; what is left covers the network.</summary>
    private static readonly TimeSpan AckBudget = TimeSpan.FromMilliseconds(2500);

    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly SemaphoreSlim _inFlight = new(MaxInFlight, MaxInFlight);
    private string? _appId;

    public async Task<SessionEnd> RunAsync(Uri url, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(20);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(20);
        var greeted = false;
        try
        {
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(TimeSpan.FromSeconds(15));
                await socket.ConnectAsync(url, connect.Token);
            }
            using var hello = new CancellationTokenSource(HelloTimeout, time);
            using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, hello.Token);
            var buffer = new ArrayBufferWriter<byte>(4096);
            while (true)
            {
                buffer.ResetWrittenCount();
                var (closed, tooBig) = await ReceiveAsync(socket, buffer, reading.Token);
                if (closed)
                {
                    return new SessionEnd(greeted, false, $"closed by Slack ({socket.CloseStatus})");
                }
                if (tooBig)
                {
                    await CloseAsync(socket, WebSocketCloseStatus.MessageTooBig);
                    return new SessionEnd(greeted, false, "frame too large");
                }
                var frame = SocketFrame.Parse(buffer.WrittenSpan);
                switch (frame)
                {
                    case null:
                        continue;
                    case { Type: "hello" }:
                        greeted = true;
                        _appId = frame.ConnectionAppId;
                        hello.CancelAfter(Timeout.InfiniteTimeSpan);
                        var link = Update(SocketModeState.Connected, null, connections: 1);
                        SocketModeLog.Connected(logger, teamId, link.Connections);
                        continue;
                    case { Type: "disconnect" }:
                        SocketModeLog.Disconnect(logger, teamId, frame.Reason ?? "unspecified");
                        await CloseAsync(socket, WebSocketCloseStatus.NormalClosure);
                        return new SessionEnd(greeted, frame.Reason != "link_disabled", $"disconnect: {frame.Reason}");
                    case { IsEnvelope: true }:
                        await _inFlight.WaitAsync(reading.Token);
                        _ = AnswerAsync(socket, frame, cancellationToken);
                        continue;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await CloseAsync(socket, WebSocketCloseStatus.EndpointUnavailable);
            throw;
        }
        catch (OperationCanceledException)
        {
            return new SessionEnd(greeted, false, greeted ? "timed out" : "no hello from Slack");
        }
        catch (WebSocketException e)
        {
            return new SessionEnd(greeted, false, $"websocket error ({e.WebSocketErrorCode})");
        }
    }

    private async Task AnswerAsync(ClientWebSocket socket, SocketFrame frame, CancellationToken cancellationToken)
    {
        try
        {
            var ack = await DispatchAsync(frame, cancellationToken);
            Update(SocketModeState.Connected, null, envelopes: 1);
            await _send.WaitAsync(cancellationToken);
            try
            {
                await socket.SendAsync(frame.Ack(ack), WebSocketMessageType.Text, true, cancellationToken);
            }
            finally
            {
                _send.Release();
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The connection went away; Slack redelivers what was not acknowledged.
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task<SlackAck> DispatchAsync(SocketFrame frame, CancellationToken cancellationToken)
    {
        if (EnvelopeOrigin.Refusal(frame, _appId, servesTeam) is { } refusal)
        {
            SocketModeLog.Foreign(logger, teamId, frame.Type, refusal);
            return SlackAck.Empty;
        }
        Task<SlackAck> handling;
        try
        {
            handling = frame.Type switch
            {
                "events_api" => inbound.OnEventAsync(frame.Payload, frame.RetryAttempt, cancellationToken),
                "interactive" => inbound.OnInteractionAsync(frame.Payload, cancellationToken),
                "slash_commands" => inbound.OnSlashCommandAsync(frame.SlashFields(), cancellationToken),
                _ => Task.FromResult(SlackAck.Empty),
            };
            return await handling.WaitAsync(AckBudget, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            SocketModeLog.SlowDispatch(logger, teamId, frame.Type);
            return SlackAck.Empty;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            SocketModeLog.DispatchFailed(logger, e, teamId, frame.Type, frame.EnvelopeId ?? "-");
            return SlackAck.Empty;
        }
    }

    private SocketModeLink Update(SocketModeState state, string? problem, int connections = 0, long envelopes = 0)
    {
        SocketModeLink? result = null;
        status.Set(teamId, current => result = new SocketModeLink(
            state, problem, current?.State == state ? current.Since : time.GetUtcNow(), (current?.Connections ?? 0) + connections, (current?.Envelopes ?? 0) + envelopes));
        return result!;
    }

    private static async Task<(bool Closed, bool TooBig)> ReceiveAsync(ClientWebSocket socket, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (true, false);
            }
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxFrameBytes)
            {
                return (false, true);
            }
            if (result.EndOfMessage)
            {
                return (false, false);
            }
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket, WebSocketCloseStatus reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(reason, null, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // Closing is a courtesy; the socket is disposed either way.
        }
    }
}
