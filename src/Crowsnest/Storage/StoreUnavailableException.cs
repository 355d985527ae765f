namespace Crowsnest.Storage;

/// <summary>The store cannot serve the request now (down, disk full, locked). Callers answer 503 and retry later.</summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException()
        : base("The store is unavailable.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }
}
