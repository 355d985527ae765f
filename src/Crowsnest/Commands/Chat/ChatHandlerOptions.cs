namespace Crowsnest.Commands.Chat;

/// <summary>The chat command handler's limits and timings.</summary>
public sealed record ChatHandlerOptions
{
    /// <summary>How long Run/Cancel buttons of a confirmation work (default 10 minutes).</summary>
    public TimeSpan ConfirmationTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a parameter prompt or an account choice waits for its answer.</summary>
    public TimeSpan PromptTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>After this, the user is told the command is still running (AWS Chatbot gives up here; Crowsnest goes on).</summary>
    public TimeSpan StillRunningAfter { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The server's maximum for one command; the invoker's own timeout should not be shorter.</summary>
    public TimeSpan MaxRunTime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a channel remembers the account chosen for it.</summary>
    public TimeSpan DefaultAccountTtl { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The region of a command that names none.</summary>
    public string DefaultRegion { get; init; } = "us-east-1";

    /// <summary>Output longer than this (characters) is cut in the message and attached whole as a file.</summary>
    public int OutputLimit { get; init; } = Execute.Output.ChatOutput.DefaultLimit;
}
