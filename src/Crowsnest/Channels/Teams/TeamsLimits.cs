namespace Crowsnest.Channels.Teams;

/// <summary>Limits for cards posted through Teams Workflows webhooks.</summary>
public static class TeamsLimits
{
    /// <summary>Documented maximum message size (28 KB).</summary>
    public const int MaxPayloadBytes = 28_000;

    /// <summary>What Crowsnest aims for: clients were seen failing from about 21 KB, below the documented size.</summary>
    public const int TargetPayloadBytes = 20_000;

    /// <summary>Teams shows at most this many card actions.</summary>
    public const int MaxActions = 6;

    /// <summary>Crowsnest's cap on facts in one card.</summary>
    public const int MaxFacts = 30;

    /// <summary>Crowsnest's cap on one text block before the size budget applies.</summary>
    public const int TextBlock = 4000;
}
