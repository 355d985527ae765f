using Crowsnest.Messages;

namespace Crowsnest.Channels.Rendering;

/// <summary>The colour, emoji and word each platform shows for a <see cref="Severity"/>.</summary>
internal static class SeverityStyle
{
    public static string HexColor(Severity s) => s switch
    {
        Severity.Critical => "#8B0000",
        Severity.High => "#D13212",
        Severity.Medium => "#FF9900",
        Severity.Low => "#F2C744",
        Severity.Info => "#1F73B7",
        Severity.Success => "#2EB67D",
        _ => "#9E9E9E",
    };

    /// <summary>Slack emoji short code.</summary>
    public static string SlackEmoji(Severity s) => s switch
    {
        Severity.Critical => ":rotating_light:",
        Severity.High => ":red_circle:",
        Severity.Medium => ":large_orange_circle:",
        Severity.Low => ":large_yellow_circle:",
        Severity.Info => ":large_blue_circle:",
        Severity.Success => ":white_check_mark:",
        _ => ":white_circle:",
    };

    /// <summary>Unicode emoji for platforms without short codes.</summary>
    public static string Emoji(Severity s) => s switch
    {
        Severity.Critical => "\U0001F6A8",
        Severity.High => "\U0001F534",
        Severity.Medium => "\U0001F7E0",
        Severity.Low => "\U0001F7E1",
        Severity.Info => "\U0001F535",
        Severity.Success => "\u2705",
        _ => "\u26AA",
    };

    public static string Word(Severity s) => s switch
    {
        Severity.Critical => "Critical",
        Severity.High => "High",
        Severity.Medium => "Medium",
        Severity.Low => "Low",
        Severity.Info => "Info",
        Severity.Success => "Success",
        _ => "None",
    };

    /// <summary>Adaptive Card container style.</summary>
    public static string TeamsStyle(Severity s) => s switch
    {
        Severity.Critical or Severity.High => "attention",
        Severity.Medium or Severity.Low => "warning",
        Severity.Success => "good",
        Severity.Info => "accent",
        _ => "emphasis",
    };
}
