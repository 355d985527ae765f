using Crowsnest.Messages;
using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Notifications.Events.Other;

/// <summary>GameLift matchmaking events.</summary>
internal sealed class GameLiftMatchmaking() : DescribedEventType(Spec)
{
    private static readonly EventSpec Spec = new()
    {
        Name = "gamelift.matchmaking",
        Source = "aws.gamelift",
        Title = (d, _) => $"GameLift {d.Str("type"u8) ?? "matchmaking event"}",
        Severity = d => d.Str("type"u8) is { } type && (type.Contains("Failed", StringComparison.Ordinal) || type.Contains("TimedOut", StringComparison.Ordinal)) ? Severity.Medium : Severity.Info,
        Fields = [new("Type", "type"), new("Match", "matchId", false)],
        Extra = (b, d, _) => b.Field("Tickets", d.ItemCount("tickets"u8).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Code("Game session", d.Path("gameSessionInfo"u8, "gameSessionArn"u8).Text(), isShort: false),
        Keywords = ["gamelift"],
    };
}
