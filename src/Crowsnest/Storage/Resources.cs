namespace Crowsnest.Storage;

/// <summary>
/// A stored, user-authored resource: a channel configuration, a chat client (Slack workspace, Teams team), a custom
/// action, a webhook source, a console user. <see cref="Document"/> is its JSON without secrets;
/// <see cref="Secrets"/> is JSON too, and is encrypted at rest by the store.
/// </summary>
/// <param name="Kind">The resource kind, e.g. <c>configuration</c>, <c>slack-workspace</c>, <c>custom-action</c>.</param>
/// <param name="Id">Unique within the kind (often an ARN).</param>
/// <param name="Name">Unique within the kind; human-facing.</param>
/// <param name="Document">The resource as JSON, secrets removed.</param>
/// <param name="Secrets">Secret fields as JSON (plaintext here; ciphertext in the database), or null.</param>
/// <param name="Version">Incremented on every update; used for optimistic concurrency.</param>
/// <param name="CreatedAt">When created.</param>
/// <param name="UpdatedAt">When last updated.</param>
public sealed record ResourceRecord(
    string Kind,
    string Id,
    string Name,
    string Document,
    string? Secrets,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>The outcome of a write to the resource store.</summary>
public enum ResourceWriteResult
{
    /// <summary>Written.</summary>
    Ok = 0,

    /// <summary>Another resource of this kind has that id or name.</summary>
    Conflict,

    /// <summary>No resource of this kind has that id.</summary>
    NotFound,

    /// <summary>The expected version did not match: someone else changed it first.</summary>
    VersionMismatch,
}

/// <summary>A page of results and the token for the next one (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);

/// <summary>A resource tag.</summary>
public sealed record ResourceTag(string Key, string Value);

/// <summary>A resource (e.g. a custom action) associated with a configuration.</summary>
public sealed record ResourceAssociation(string ConfigurationId, string ResourceId);
