namespace Crowsnest.Channels.Slack;

/// <summary>Block Kit limits (Slack's block reference and its SDK validators) and Crowsnest's own margins.</summary>
public static class SlackLimits
{
    public const int MaxBlocks = 50;
    public const int SectionText = 3000;
    public const int MaxFields = 10;
    public const int FieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ActionId = 255;
    public const int ButtonValue = 2000;
    public const int ButtonUrl = 3000;
    public const int AltText = 2000;
    public const int ImageUrl = 3000;

    /// <summary>
    /// Slack refuses messages whose blocks hold too much text in total (<c>msg_blocks_too_long</c>, seen from about
    /// 12,000 characters); Crowsnest keeps all block text under this.
    /// </summary>
    public const int TotalBlockText = 11_000;

    /// <summary>Crowsnest's cap on the notification fallback <c>text</c> (Slack advises under 4,000).</summary>
    public const int FallbackText = 1000;
}
