namespace Crowsnest.Storage;

/// <summary>Small named settings (account preferences, a channel's default account, first-run state).</summary>
public interface ISettingsStore
{
    /// <summary>The value, or null.</summary>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Sets a value; <paramref name="expiresAt"/> makes it disappear after that moment.</summary>
    Task SetAsync(string key, string value, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>Removes a value. False when absent.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);
}
