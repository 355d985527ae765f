using System.Security.Cryptography;

namespace Crowsnest.TestKit.Hosting;

/// <summary>The webhooks an emulator knows: id → credential (Teams <c>sig</c>, Chime <c>token</c>, webhook HMAC secret) and settings.</summary>
public sealed class WebhookRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WebhookEntry> _hooks = new(StringComparer.Ordinal);

    /// <summary>Registers a webhook; a null credential is generated.</summary>
    public WebhookEntry Add(string? id = null, string? credential = null, int members = 10)
    {
        var entry = new WebhookEntry(id ?? Guid.NewGuid().ToString("N"), credential ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), members);
        lock (_gate)
        {
            _hooks[entry.Id] = entry;
        }
        return entry;
    }

    /// <summary>Deletes a webhook (later posts get the platform's "deleted" answer).</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _hooks.Remove(id);
        }
    }

    public WebhookEntry? Find(string id)
    {
        lock (_gate)
        {
            return _hooks.GetValueOrDefault(id);
        }
    }

    /// <summary>Compares a presented credential with the registered one in constant time.</summary>
    public static bool Matches(WebhookEntry entry, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(entry.Credential), System.Text.Encoding.UTF8.GetBytes(presented));
}

/// <summary>A registered webhook.</summary>
/// <param name="Id">The id in its URL.</param>
/// <param name="Credential">The secret that authorises posts (in the URL for Teams and Chime; an HMAC key for generic webhooks).</param>
/// <param name="Members">Room members (Chime's <c>@All</c> rule).</param>
public sealed record WebhookEntry(string Id, string Credential, int Members);
