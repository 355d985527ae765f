namespace Crowsnest.Storage;

/// <summary>Stores user-authored resources (configurations, chat clients, custom actions, ...) and their tags and associations.</summary>
public interface IResourceStore
{
    /// <summary>Creates a resource; Conflict when its id or name is taken within its kind.</summary>
    Task<ResourceWriteResult> CreateAsync(ResourceRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces a resource's name, document and secrets; with <paramref name="expectedVersion"/>, only if unchanged since.</summary>
    Task<ResourceWriteResult> UpdateAsync(ResourceRecord record, long? expectedVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Decrypts every stored secret and encrypts it again with the protector's current key, in one transaction (all or
    /// none); versions and the change stamp stay as they are, the plaintext being the same. Returns how many.
    /// </summary>
    Task<int> ReprotectSecretsAsync(CancellationToken cancellationToken);

    /// <summary>Deletes a resource, its tags and its associations. False when absent.</summary>
    Task<bool> DeleteAsync(string kind, string id, CancellationToken cancellationToken);

    /// <summary>One resource, or null.</summary>
    Task<ResourceRecord?> GetAsync(string kind, string id, CancellationToken cancellationToken);

    /// <summary>One resource by name, or null.</summary>
    Task<ResourceRecord?> GetByNameAsync(string kind, string name, CancellationToken cancellationToken);

    /// <summary>Resources of a kind ordered by id, a page at a time.</summary>
    Task<Page<ResourceRecord>> ListAsync(string kind, int maxResults, string? nextToken, CancellationToken cancellationToken);

    /// <summary>All resources of every kind listed, for building a configuration snapshot.</summary>
    Task<IReadOnlyList<ResourceRecord>> ListAllAsync(IReadOnlyCollection<string> kinds, CancellationToken cancellationToken);

    /// <summary>A number that changes whenever any resource changes (cheap change detection across instances).</summary>
    Task<long> GetChangeStampAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces tags on a resource (by its id/ARN).</summary>
    Task SetTagsAsync(string resourceId, IReadOnlyList<ResourceTag> tags, CancellationToken cancellationToken);

    /// <summary>Removes tags by key.</summary>
    Task RemoveTagsAsync(string resourceId, IReadOnlyList<string> keys, CancellationToken cancellationToken);

    /// <summary>The tags of a resource, by key.</summary>
    Task<IReadOnlyList<ResourceTag>> GetTagsAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>Associates a resource (e.g. a custom action) with a configuration. False when already associated.</summary>
    Task<bool> AssociateAsync(string configurationId, string resourceId, CancellationToken cancellationToken);

    /// <summary>Removes an association. False when absent.</summary>
    Task<bool> DisassociateAsync(string configurationId, string resourceId, CancellationToken cancellationToken);

    /// <summary>The resources associated with a configuration, a page at a time.</summary>
    Task<Page<string>> ListAssociationsAsync(string configurationId, int maxResults, string? nextToken, CancellationToken cancellationToken);

    /// <summary>Every association, ordered by configuration then resource, for building a configuration snapshot.</summary>
    Task<IReadOnlyList<ResourceAssociation>> ListAllAssociationsAsync(CancellationToken cancellationToken);
}
