using Crowsnest.Commands.Parse;
using Crowsnest.Notifications.Actions;

namespace Crowsnest.Commands.Chat.Shortcuts.CustomActions;

/// <summary>
/// Runs a <see cref="CustomActionReference"/> (the value of a custom action button whose command was too long to
/// carry): the command is rebuilt from the stored notification and parsed like a typed one. Custom action commands
/// are single AWS CLI commands; words after the reference (answers to prompts) are added to the rebuilt command.
/// </summary>
public sealed class CustomActionShortcut(CustomActionResolver resolver) : IChatShortcut
{
    /// <inheritdoc />
    public bool Matches(string text) => ShortcutText.StartsWith(text, CustomActionReference.CommandName);

    /// <inheritdoc />
    public async Task<ShortcutOutcome> ResolveAsync(ShortcutRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = ShortcutText.After(request.Text, 1, out var error);
        if (words is null)
        {
            return new ShortcutOutcome.Invalid(error!);
        }
        // The reference is "<name> --notification <id> --attachment <n>"; anything after it came from prompts.
        var reference = CustomActionReference.Parse([.. words.Take(5)]);
        if (reference.Request is null)
        {
            return new ShortcutOutcome.Invalid(reference.Error!);
        }
        var resolved = await resolver.ResolveAsync(reference.Request, request.Configuration.Target.Key, cancellationToken).ConfigureAwait(false);
        if (resolved.CommandText is null)
        {
            return new ShortcutOutcome.Invalid(resolved.Error!);
        }
        var extra = string.Join(' ', words.Skip(5).Select(CommandTemplate.QuoteWord));
        return request.Parser.Parse(extra.Length == 0 ? resolved.CommandText : $"{resolved.CommandText} {extra}") switch
        {
            ParseResult.Parsed parsed => new ShortcutOutcome.Call(parsed.Call),
            ParseResult.Invalid invalid => new ShortcutOutcome.Invalid($"The custom action {reference.Request.ActionName} does not make a valid command: {invalid}"),
            _ => new ShortcutOutcome.Invalid($"The custom action {reference.Request.ActionName} does not make a command that can run."),
        };
    }
}
