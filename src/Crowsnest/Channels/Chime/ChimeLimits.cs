namespace Crowsnest.Channels.Chime;

/// <summary>Amazon Chime incoming-webhook limits.</summary>
public static class ChimeLimits
{
    /// <summary>Chime answers 413 above 4 KB; Crowsnest keeps the whole JSON body (and so the content) within it.</summary>
    public const int MaxPayloadBytes = 4096;
}
