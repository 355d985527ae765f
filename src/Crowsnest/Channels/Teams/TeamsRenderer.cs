using Crowsnest.Channels.Rendering;
using Crowsnest.Messages;

namespace Crowsnest.Channels.Teams;

/// <summary>
/// Microsoft Teams renderer: one Adaptive Card in the <c>{"type":"message","attachments":[...]}</c> envelope that
/// Teams Workflows webhooks accept, shrunk until it fits <see cref="TeamsLimits.TargetPayloadBytes"/>.
/// </summary>
public sealed class TeamsRenderer : IMessageRenderer
{
    private const int StartBudget = 16_000;
    private const int MinBudget = 200;

    private TeamsRenderer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static TeamsRenderer Instance { get; } = new();

    public string Platform => "teams";

    public RenderedPayload Render(ChatMessage message, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        var scratch = RenderScratch.Rent();
        try
        {
            var budget = StartBudget;
            while (true)
            {
                scratch.StartJson();
                var card = new TeamsCardWriter(scratch.Json, scratch, message, options, budget);
                card.Write();
                var size = scratch.JsonLength();
                if (size <= TeamsLimits.TargetPayloadBytes || budget <= MinBudget)
                    return new RenderedPayload(Platform, "application/json; charset=utf-8", scratch.FinishJson(), card.Trimmed || budget < StartBudget);
                // Text is most of a large card: scale the text budget by the overshoot, with a margin.
                budget = Math.Max(MinBudget, (int)(budget * (TeamsLimits.TargetPayloadBytes / (double)size) * 0.85));
            }
        }
        finally
        {
            RenderScratch.Return(scratch);
        }
    }
}
