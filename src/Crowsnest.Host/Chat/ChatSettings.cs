namespace Crowsnest.Host.Chat;

/// <summary>Chat command settings (section <c>Commands</c>).</summary>
internal sealed class ChatSettings
{
    /// <summary>How long Run/Cancel work. Setting key <c>Commands:ConfirmationTimeout</c>.</summary>
    public TimeSpan ConfirmationTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When the user is told a command is still running. Setting key <c>Commands:StillRunningAfter</c>.</summary>
    public TimeSpan StillRunningAfter { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The server's maximum for one command. Setting key <c>Commands:MaxRunTime</c>.</summary>
    public TimeSpan MaxRunTime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The region of commands that name none (default: AWS_REGION, else us-east-1). Setting key <c>Commands:Region</c>.</summary>
    public string? Region { get; set; }

    /// <summary>An AWS endpoint for every call (emulators, VPC endpoints); default: AWS_ENDPOINT_URL*. Setting key <c>Commands:AwsEndpointUrl</c>.</summary>
    public string? AwsEndpointUrl { get; set; }

    /// <summary>How long policies read from AWS are cached. Setting key <c>Commands:PolicyCacheTtl</c>.</summary>
    public TimeSpan PolicyCacheTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Commands run at once. Setting key <c>Commands:Workers</c>.</summary>
    public int Workers { get; set; } = 8;

    /// <summary>Chat requests waiting for a worker before new ones get 503. Setting key <c>Commands:QueueCapacity</c>.</summary>
    public int QueueCapacity { get; set; } = 1000;
}
