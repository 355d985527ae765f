namespace Crowsnest.Commands.Chat;

/// <summary>
/// The commands pipeline behind every chat transport (Slack Events API, Slack Socket Mode, Teams Bot Framework):
/// find the channel's configuration, pick the principal, parse, authorize, confirm, execute, reply and audit.
/// Transports acknowledge the platform first and call this afterwards.
/// </summary>
public interface IChatCommandHandler
{
    /// <summary>Handles a message addressed to the bot.</summary>
    Task HandleMessageAsync(ChatCommandInput input, IChatResponder responder, CancellationToken cancellationToken);

    /// <summary>Handles a button press or form submission.</summary>
    Task HandleActionAsync(ChatActionInput input, IChatResponder responder, CancellationToken cancellationToken);
}
