namespace Crowsnest.Host.Hosting;

/// <summary>The notification and delivery workers. Setting keys <c>Delivery:*</c>.</summary>
internal sealed class DeliverySettings
{
    /// <summary>Whether this instance runs the workers. Setting key <c>Delivery:Enabled</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A failing delivery is dead-lettered this long after it was queued. Setting key <c>Delivery:MaxAge</c>.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Deliveries leased per pass. Setting key <c>Delivery:BatchSize</c>.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Targets sent to at once per pass. Setting key <c>Delivery:Concurrency</c>.</summary>
    public int Concurrency { get; set; } = 32;

    /// <summary>Delivery passes running at once. Setting key <c>Delivery:Loops</c>.</summary>
    public int Loops { get; set; } = 2;

    /// <summary>The timeout of one platform call. Setting key <c>Delivery:SendTimeout</c>.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a worker's lease on a delivery lasts; another instance takes it over only after that, so it must be
    /// well above the send timeout. Setting key <c>Delivery:Lease</c>.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long an idle worker waits before looking again, unless a commit in this process wakes it first (work
    /// committed by other instances and retries coming due are found by this poll). Setting key <c>Delivery:PollInterval</c>.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The Slack Web API base (default <c>https://slack.com/api/</c>); the emulator in tests. Setting key <c>Delivery:SlackApiUrl</c>.</summary>
    public string? SlackApiUrl { get; set; }

    /// <summary>Replaces <c>https://hooks.chime.aws/</c> in Chime webhook URLs (the emulator in tests). Setting key <c>Delivery:ChimeBaseUrl</c>.</summary>
    public string? ChimeBaseUrl { get; set; }

    /// <summary>Whether storms of one event type to one target are grouped into digests. Setting key <c>Delivery:Digests</c>.</summary>
    public bool Digests { get; set; } = true;

    /// <summary>Posting limits per target kind and per Slack workspace. Section <c>Delivery:RateLimits</c>.</summary>
    public RateLimitSettings RateLimits { get; set; } = new();

    /// <summary>The problems with these settings, each naming its key.</summary>
    public IEnumerable<string> Validate()
    {
        if (MaxAge < TimeSpan.FromMinutes(1))
        {
            yield return $"Delivery:MaxAge: {MaxAge} must be at least one minute.";
        }
        if (BatchSize is < 1 or > 10_000)
        {
            yield return $"Delivery:BatchSize: {BatchSize} must be between 1 and 10000.";
        }
        if (Concurrency is < 1 or > 1024 || Loops is < 1 or > 64)
        {
            yield return "Delivery:Concurrency must be between 1 and 1024 and Delivery:Loops between 1 and 64.";
        }
        if (SendTimeout <= TimeSpan.Zero || SendTimeout > TimeSpan.FromMinutes(1))
        {
            yield return $"Delivery:SendTimeout: {SendTimeout} must be between 0 and 1 minute.";
        }
        if (Lease < (SendTimeout * 2) + TimeSpan.FromSeconds(5))
        {
            yield return $"Delivery:Lease: {Lease} must be at least twice Delivery:SendTimeout plus 5 seconds.";
        }
        if (SlackApiUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            yield return $"Delivery:SlackApiUrl: '{url}' is not an absolute URL.";
        }
        foreach (var problem in RateLimits.Validate())
        {
            yield return problem;
        }
    }
}
