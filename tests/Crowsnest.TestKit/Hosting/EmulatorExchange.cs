namespace Crowsnest.TestKit.Hosting;

/// <summary>
/// One platform request as the host's pipeline sees it: the body (read once, before any handler), and what the
/// handler reports about it for the receipt log.
/// </summary>
public sealed class EmulatorExchange
{
    internal EmulatorExchange(byte[] body, string platform, string operation)
    {
        Body = body;
        Platform = platform;
        Operation = operation;
    }

    /// <summary>The raw request body.</summary>
    public byte[] Body { get; }

    /// <summary>The platform name used in the receipt log.</summary>
    public string Platform { get; }

    /// <summary>The operation (Slack method, or <c>post</c>).</summary>
    public string Operation { get; set; }

    /// <summary>The channel or webhook id the request addressed.</summary>
    public string? Target { get; set; }

    /// <summary>The platform error answered.</summary>
    public string? Error { get; set; }

    /// <summary>True when the request posts or changes something.</summary>
    public bool IsWrite { get; set; }

    /// <summary>The exchange of the current request.</summary>
    public static EmulatorExchange Of(HttpContext context) =>
        context.Features.Get<EmulatorExchange>() ?? throw new InvalidOperationException("Not a platform request.");
}
