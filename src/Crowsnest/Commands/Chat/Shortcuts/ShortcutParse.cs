namespace Crowsnest.Commands.Chat.Shortcuts;

/// <summary>A shortcut command read from chat: the request, or a message saying what is wrong (with the usage).</summary>
public sealed record ShortcutParse<T>(T? Request, string? Error)
    where T : class
{
    /// <summary>True when <see cref="Request"/> is set.</summary>
    public bool Succeeded => Request is not null;

    /// <summary>A request.</summary>
    public static ShortcutParse<T> Ok(T request) => new(request, null);

    /// <summary>A mistake, explained.</summary>
    public static ShortcutParse<T> Fail(string error) => new(null, error);
}
