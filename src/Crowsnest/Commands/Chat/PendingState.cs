using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crowsnest.Commands.Chat;

/// <summary>Kinds of pending dialogues the handler itself asks.</summary>
internal static class PendingKinds
{
    public const string Confirm = "confirm";
    public const string Prompt = "prompt";
    public const string Account = "account";
}

/// <summary>Button action ids of the handler's own dialogues.</summary>
public static class ChatDialogActions
{
    /// <summary>Run a confirmed command (value: the pending id).</summary>
    public const string Confirm = "crowsnest.confirm";

    /// <summary>Cancel a command awaiting confirmation (value: the pending id).</summary>
    public const string Cancel = "crowsnest.cancel";

    /// <summary>Answer a parameter prompt with an enum value (value: <c>pendingId|value</c>).</summary>
    public const string PromptValue = "crowsnest.prompt";

    /// <summary>Choose the account a command runs in (value: <c>pendingId|configurationArn</c>).</summary>
    public const string ChooseAccount = "crowsnest.account";
}

/// <summary>What a pending dialogue remembers: the command text so far and the configuration it runs under.</summary>
/// <param name="Text">The command text (with the answers given so far).</param>
/// <param name="ConfigurationArn">The configuration, or null before the account is chosen.</param>
/// <param name="Option">The option a prompt asks for (<c>--alarm-name</c>).</param>
/// <param name="CorrelationId">Links the audit entries of one request.</param>
internal sealed record CommandState(string Text, string? ConfigurationArn, string? Option = null, string? CorrelationId = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, ChatStateJson.Default.CommandState);

    public static CommandState? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ChatStateJson.Default.CommandState);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(CommandState))]
[JsonSerializable(typeof(string))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
internal sealed partial class ChatStateJson : JsonSerializerContext;
