using Crowsnest.Notifications.Deliver;

namespace Crowsnest.Host.Hosting;

/// <summary>One token bucket: <see cref="PerSecond"/> messages per second, bursts of up to <see cref="Burst"/>.</summary>
internal sealed class RateLimitSetting
{
    public double PerSecond { get; set; }

    public int Burst { get; set; }

    public static RateLimitSetting From(RateLimit? limit) => new() { PerSecond = limit?.PerSecond ?? 0, Burst = limit?.Burst ?? 0 };

    /// <summary>The limit, or null when <see cref="PerSecond"/> is 0 (no limit).</summary>
    public RateLimit? ToLimit() => PerSecond == 0 ? null : new RateLimit(PerSecond, Math.Max(1, Burst));
}

/// <summary>
/// The posting limits per target kind and per Slack workspace. Setting keys <c>Delivery:RateLimits:{Kind}:PerSecond</c>
/// and <c>:Burst</c>; a <c>PerSecond</c> of 0 turns the limit off where that is allowed (workspace, generic webhooks).
/// </summary>
internal sealed class RateLimitSettings
{
    public RateLimitSetting SlackChannel { get; set; } = RateLimitSetting.From(DeliveryRateLimits.Default.SlackChannel);

    public RateLimitSetting SlackWorkspace { get; set; } = RateLimitSetting.From(DeliveryRateLimits.Default.SlackWorkspace);

    public RateLimitSetting SlackWebhook { get; set; } = RateLimitSetting.From(DeliveryRateLimits.Default.SlackWebhook);

    public RateLimitSetting TeamsWebhook { get; set; } = RateLimitSetting.From(DeliveryRateLimits.Default.TeamsWebhook);

    public RateLimitSetting ChimeWebhook { get; set; } = RateLimitSetting.From(DeliveryRateLimits.Default.ChimeWebhook);

    public RateLimitSetting Webhook { get; set; } = RateLimitSetting.From(DeliveryRateLimits.Default.Webhook);

    /// <summary>The limits the workers use; valid settings only (see <see cref="Validate"/>).</summary>
    public DeliveryRateLimits ToLimits() => new()
    {
        SlackChannel = SlackChannel.ToLimit()!,
        SlackWorkspace = SlackWorkspace.ToLimit(),
        SlackWebhook = SlackWebhook.ToLimit()!,
        TeamsWebhook = TeamsWebhook.ToLimit()!,
        ChimeWebhook = ChimeWebhook.ToLimit()!,
        Webhook = Webhook.ToLimit(),
    };

    /// <summary>The problems with these settings, each naming its key.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (name, setting, optional) in Entries())
        {
            var key = $"Delivery:RateLimits:{name}";
            if (double.IsNaN(setting.PerSecond) || setting.PerSecond < 0 || setting.PerSecond > 10_000)
            {
                yield return $"{key}:PerSecond: {setting.PerSecond} must be between 0 and 10000.";
            }
            else if (setting.PerSecond == 0 && !optional)
            {
                yield return $"{key}:PerSecond: the platform limits this target, so it must be above 0.";
            }
            if (setting.Burst is < 0 or > 100_000)
            {
                yield return $"{key}:Burst: {setting.Burst} must be between 0 and 100000.";
            }
        }
    }

    private IEnumerable<(string Name, RateLimitSetting Setting, bool Optional)> Entries() =>
    [
        (nameof(SlackChannel), SlackChannel, false),
        (nameof(SlackWorkspace), SlackWorkspace, true),
        (nameof(SlackWebhook), SlackWebhook, false),
        (nameof(TeamsWebhook), TeamsWebhook, false),
        (nameof(ChimeWebhook), ChimeWebhook, false),
        (nameof(Webhook), Webhook, true),
    ];
}
