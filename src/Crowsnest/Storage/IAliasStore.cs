namespace Crowsnest.Storage;

/// <summary>A named command with <c>$placeholders</c>, per chat channel.</summary>
public sealed record CommandAlias(string ChannelKey, string Name, string Command, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>Stores command aliases per channel.</summary>
public interface IAliasStore
{
    /// <summary>Creates or replaces an alias.</summary>
    Task PutAsync(CommandAlias alias, CancellationToken cancellationToken);

    /// <summary>One alias, or null.</summary>
    Task<CommandAlias?> GetAsync(string channelKey, string name, CancellationToken cancellationToken);

    /// <summary>The aliases of a channel, by name.</summary>
    Task<IReadOnlyList<CommandAlias>> ListAsync(string channelKey, CancellationToken cancellationToken);

    /// <summary>Deletes an alias. False when absent.</summary>
    Task<bool> DeleteAsync(string channelKey, string name, CancellationToken cancellationToken);
}
