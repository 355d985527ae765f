using Crowsnest.TestKit.Hosting;

namespace Crowsnest.TestKit.Teams;

/// <summary>Options of the Bot Framework emulator: the bot's registration and the Teams tenant it lives in.</summary>
public sealed record TeamsBotOptions : EmulatorOptions
{
    /// <summary>The bot's Microsoft App ID (the audience of activity tokens, the client id of the token endpoint).</summary>
    public string AppId { get; init; } = "00000000-0000-0000-0000-00000000b075";

    /// <summary>The bot's client secret that the token endpoint accepts.</summary>
    public string AppPassword { get; init; } = "emulator-bot-app-password-0123456789";

    public string TenantId { get; init; } = "11111111-2222-3333-4444-555555555555";

    /// <summary>The team's Azure AD group id.</summary>
    public string TeamId { get; init; } = "66666666-7777-8888-9999-000000000000";

    /// <summary>The bot's display name in mentions.</summary>
    public string BotName { get; init; } = "aws";

    /// <summary>Access tokens last this long.</summary>
    public TimeSpan TokenLifetime { get; init; } = TimeSpan.FromHours(1);
}
