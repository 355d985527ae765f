namespace Crowsnest.Notifications.Recognize;

/// <summary>
/// Optional: an event type that says which EventBridge <c>source</c> it handles, so the catalog can skip it
/// cheaply for events from other sources. Order in the catalog is unchanged.
/// </summary>
public interface ISourceScoped
{
    /// <summary>The only source this type recognises events from; null when it also recognises other forms.</summary>
    string? OnlySource { get; }
}
