namespace Crowsnest.Storage;

/// <summary>
/// How a SQLite store syncs the inbox's group commits (the writes that answer SNS's POST). SQLite runs in WAL mode;
/// the workers' own bookkeeping (leases, outcomes, delivery states) always commits without waiting for the disk.
/// </summary>
public enum SqliteSync
{
    /// <summary>
    /// <c>synchronous=FULL</c>: every inbox commit is fsynced before the 200, so an acknowledged notification
    /// survives a process crash, an OS crash and a power loss. The WAL is one file, so that fsync also makes every
    /// earlier worker commit durable.
    /// </summary>
    Full = 0,

    /// <summary>
    /// <c>synchronous=NORMAL</c>: commits reach the operating system (the WAL file) before the 200 but are fsynced
    /// only at checkpoints, so an acknowledged notification survives a process crash (SIGKILL) but an OS crash or
    /// power loss may roll back the last commits (the database stays consistent).
    /// </summary>
    Normal,
}
